import { createContext, useContext } from 'react';

import type { Code } from '@shared/model/records';

/** What a post row needs to code itself, without threading props through the virtual list. */
export interface CodingCommands {
  codes: readonly Code[];
  codeWholePost(postId: string, code: Code): void;
}

export const CodingCommandsContext = createContext<CodingCommands>({ codes: [], codeWholePost: () => undefined });

export const useCodingCommands = (): CodingCommands => useContext(CodingCommandsContext);
