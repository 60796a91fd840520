/**
 * The record part of a bundle's validation, fed in file order, array by array, a batch at a time:
 * each record's shape (zod) is checked as it arrives and only the checked value is kept, with the
 * raw record's id (bundle-rules.ts noteIds: duplicates, and "known" ids, so one bad record does not
 * cascade). validateBundle feeds whole arrays; a streamed read (read-bundle-stream.ts) feeds each
 * batch as it is parsed, so the raw records of a big file are never all held beside their checked
 * copies.
 */
import type { Problem } from '../problem/problem';
import { checkBundleRules, emptyKnownIds, noteIds, type CheckedRecords, type KnownIds, type PlacedProblem } from './bundle-rules';
import { RECORD_ARRAYS, recordSchemas, type RecordArrayName } from './bundle-schema';
import { recordLabel } from './problem';
import { issueMessage, issuesToProblems } from './zod-problems';

export class RecordCheck {
  /** `known`: where the raw ids go (a bounded read keeps posts' and codings' in compact tables). */
  constructor(readonly known: KnownIds = emptyKnownIds()) {}
  readonly checked: CheckedRecords = { threads: [], posts: [], codes: [], coders: [], codings: [], journal: [], codebookVersions: [], assignments: [], rounds: [], decisions: [], memos: [], attributes: [], attributeValues: [], relationCodes: [], relations: [] };
  /** The arrays fed so far (an empty one too). */
  readonly fed = new Set<RecordArrayName>();
  private readonly shape: PlacedProblem[] = [];
  private readonly duplicates: PlacedProblem[] = [];
  private readonly counts = new Map<RecordArrayName, number>();

  /** The next records of `array`, in file order. */
  add(array: RecordArrayName, records: readonly unknown[]): void {
    this.fed.add(array);
    const from = this.counts.get(array) ?? 0;
    noteIds(this.known, array, records, from, this.duplicates);
    const schema = recordSchemas[array];
    const checked = this.checked[array] as Array<{ index: number; value: unknown }>;
    records.forEach((record, at) => {
      const index = from + at;
      const parsed = schema.safeParse(record, { error: issueMessage });
      if (parsed.success) checked.push({ index, value: parsed.data });
      else {
        const label = recordLabel(array, index, typeof record === 'object' && record !== null && !Array.isArray(record) ? (record as { id?: unknown }).id : undefined);
        for (const problem of issuesToProblems(parsed.error.issues, label)) this.shape.push({ array, index, problem });
      }
    });
    this.counts.set(array, from + records.length);
  }

  /** The shape problems so far (a bounded read merges them with its own). */
  shapeProblems(): readonly PlacedProblem[] {
    return this.shape;
  }

  /** The repeated ids so far. */
  duplicateProblems(): readonly PlacedProblem[] {
    return this.duplicates;
  }

  /** Every record's problems, then the cross-record rules', in file order (by array, then record). */
  problems(): Problem[] {
    const placed = [...this.shape, ...this.duplicates, ...checkBundleRules(this.known, this.checked)];
    const rank = (p: PlacedProblem): number => RECORD_ARRAYS.indexOf(p.array);
    placed.sort((a, b) => rank(a) - rank(b) || a.index - b.index);
    return placed.map((p) => p.problem);
  }
}
