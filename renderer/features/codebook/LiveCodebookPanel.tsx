import { memo, useEffect, useMemo, useState } from 'react';

import type { Code, Coder } from '@shared/model/records';
import { tallyCount, talliesOf } from '@shared/project/queries/codebook-reads';

import { useServices } from '../../app/services';
import { storeOf } from '../../db/project-store';
import { CodebookPanel } from './CodebookPanel';
import { followCodingCounts, type CodingCounts } from './follow-coding-counts';

interface Props {
  codes: readonly Code[];
  /** The project's coders by name (the tallies name them in this order). */
  coders: ReadonlyMap<string, Coder>;
  /** Counts only this coder's codings ("Only my codings"); null counts every coder's. */
  onlyCoderId: string | null;
  onApply: (code: Code) => void;
}

const NO_COUNTS: CodingCounts = new Map();

/**
 * The codebook with its tallies, followed from the journal (follow-coding-counts.ts). Memoized:
 * the workspace's re-render after a coding passes the same props, so the codebook re-renders only
 * when the counts it shows change, in the same render as the coding's mark.
 */
export const LiveCodebookPanel = memo(function LiveCodebookPanel({ codes, coders, onlyCoderId, onApply }: Props) {
  const { db } = useServices();
  const [counts, setCounts] = useState<CodingCounts>(NO_COUNTS);
  useEffect(
    () =>
      followCodingCounts(storeOf(db), setCounts, (error) =>
        // As a live query does: the error reaches the view's error boundary.
        setCounts(() => {
          throw error;
        }),
      ),
    [db],
  );
  const tallies = useMemo(() => talliesOf(codes, [...coders.values()], counts), [codes, coders, counts]);
  const shown = useMemo(() => new Map(codes.map((c) => [c.id, tallyCount(tallies.get(c.id), onlyCoderId)])), [codes, tallies, onlyCoderId]);
  return <CodebookPanel codes={codes} counts={shown} tallies={tallies} onlyMine={onlyCoderId !== null} onApply={onApply} />;
});
