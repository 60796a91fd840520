import { createContext, useContext, useMemo } from 'react';

import type { Code } from '@shared/model/records';

import { notApplicableReason } from '@shared/codebook/code-status';

/** What a post row needs to code itself, without threading props through the virtual list. */
export interface CodingCommands {
  codes: readonly Code[];
  codeWholePost(postId: string, code: Code): void;
}

export const CodingCommandsContext = createContext<CodingCommands>({ codes: [], codeWholePost: () => undefined });

/** The commands, offering only codes that can be applied (no categories, no retired codes). */
export function useCodingCommands(): CodingCommands {
  const commands = useContext(CodingCommandsContext);
  return useMemo(() => ({ ...commands, codes: commands.codes.filter((c) => notApplicableReason(c) === null) }), [commands]);
}
