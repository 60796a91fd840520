import { useCallback, useMemo, useState } from 'react';

import type { Code, Coder, Coding } from '@shared/model/records';

import { useCodeUnderCaret } from '../codebook/use-code-under-caret';
import { useMarginEntries } from './margin/margin-entries';
import { useStoredToggle } from './use-stored-toggle';

interface Data {
  codings: readonly Coding[];
  codingsByPost: ReadonlyMap<string, readonly Coding[]>;
  codesById: ReadonlyMap<string, Code>;
  coders: ReadonlyMap<string, Coder>;
}

/**
 * The Coding view's reading aids: the code margin and the definition card (each on by default,
 * remembered), the code under the caret the card shows, and printing the thread.
 */
export function useThreadDisplay(data: Data) {
  const [codeMargin, toggleCodeMargin] = useStoredToggle('threadmark-code-margin', true);
  const [definitionCard, toggleDefinitionCard] = useStoredToggle('threadmark-definition-card', true);
  // Off by default: on for screen sharing or a talk, authors shown as their export aliases.
  const [pseudonyms, togglePseudonyms] = useStoredToggle('threadmark-show-pseudonyms', false);
  const [printing, setPrinting] = useState(false);
  const marginByPost = useMarginEntries(data.codingsByPost, data.codesById, data.coders);
  // Through the post's own codings; a map of every coding (a thread may hold 40,000) only without a post.
  const codeOfCoding = useMemo(() => {
    let codeIds: Map<string, string> | null = null;
    return (codingId: string, postId: string | null) =>
      postId !== null ? data.codingsByPost.get(postId)?.find((c) => c.id === codingId)?.codeId : (codeIds ??= new Map(data.codings.map((c) => [c.id, c.codeId]))).get(codingId);
  }, [data.codings, data.codingsByPost]);
  const caretCodeId = useCodeUnderCaret(codeOfCoding);
  return {
    codeMargin,
    toggleCodeMargin,
    definitionCard,
    toggleDefinitionCard,
    pseudonyms,
    togglePseudonyms,
    /** Null while the margin is hidden. */
    marginByPost: codeMargin ? marginByPost : null,
    caretCode: caretCodeId === null ? null : (data.codesById.get(caretCodeId) ?? null),
    printing,
    print: useCallback(() => setPrinting(true), []),
    donePrinting: useCallback(() => setPrinting(false), []),
  };
}
