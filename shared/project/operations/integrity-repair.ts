/**
 * `integrity.repair`: does what each integrity finding says (queries/integrity.ts), as one
 * journaled change-set, so it is undoable and passes the project's rules like any other change.
 * Codings that point at nothing or outside their text are removed; a wrong thread or quote is
 * corrected from the post; a code whose parent is missing or that closes a loop moves to the top
 * level; exemplars of removed codings are dropped. The app offers it only after a fresh backup.
 *
 * Zotero's sanity guard: a repair that would remove more than half of the codings (and more than
 * a handful) is refused unless asked for explicitly; that is a damaged read, not a few orphans.
 */
import type { Code, Coding } from '../../model/records';
import { sliceCodePoints } from '../../text/offsets';
import { err, ok } from '../../util/result';
import type { RowChange } from '../change-set';
import { defineOperation, unchanged } from '../operation';
import { integrityOf, readIntegritySnapshot, type IntegritySnapshot } from '../queries/integrity';

export interface IntegrityRepairInput {
  /** Allow removing more than half of the codings (the guard above). */
  allowLargeRemoval?: boolean;
}

export interface IntegrityRepairResult {
  removedCodings: number;
  correctedCodings: number;
  movedCodes: number;
  droppedExemplars: number;
}

/** Removals above this many codings are checked against the guard's share. */
const GUARD_MIN = 10;

export const repairIntegrity = defineOperation<IntegrityRepairInput, IntegritySnapshot, IntegrityRepairResult>({
  kind: 'integrity.repair',
  read: (reader) => readIntegritySnapshot(reader),
  plan(snapshot, input) {
    const { findings } = integrityOf(snapshot);
    const none: IntegrityRepairResult = { removedCodings: 0, correctedCodings: 0, movedCodes: 0, droppedExemplars: 0 };
    if (findings.length === 0) return unchanged('Nothing to repair', none);

    const codingsById = new Map(snapshot.codings.map((c) => [c.id, c]));
    const removed = new Set(findings.filter((f) => f.repair === 'remove-coding').map((f) => f.id));
    if (!input.allowLargeRemoval && removed.size > GUARD_MIN && removed.size * 2 > snapshot.codings.length) {
      return err({ record: 'project', message: `the repair would remove ${removed.size} of ${snapshot.codings.length} codings; that looks like a damaged read, not a few orphans, so nothing was changed (restore a backup instead)` });
    }

    const codingRows: Array<RowChange<Coding>> = [];
    let corrected = 0;
    for (const f of findings) {
      const coding = codingsById.get(f.id);
      if (!coding) continue;
      if (f.repair === 'remove-coding') codingRows.push({ before: coding, after: null });
      else if (f.repair === 'fix-thread' || f.repair === 'fix-quote') {
        const post = snapshot.posts.get(coding.postId)!;
        codingRows.push({ before: coding, after: { ...coding, threadId: post.threadId, quote: sliceCodePoints(post.text, coding.start, coding.end) } });
        corrected++;
      }
    }

    const { rows: codeRows, moved, dropped } = codeChanges(snapshot, new Set(findings.filter((f) => f.repair === 'move-code-to-top').map((f) => f.id)), removed);
    const result: IntegrityRepairResult = { removedCodings: removed.size, correctedCodings: corrected, movedCodes: moved, droppedExemplars: dropped };
    const parts = [
      removed.size > 0 ? `removed ${removed.size} broken coding${removed.size === 1 ? '' : 's'}` : '',
      corrected > 0 ? `corrected ${corrected} coding${corrected === 1 ? '' : 's'}` : '',
      moved > 0 ? `moved ${moved} code${moved === 1 ? '' : 's'} to the top level` : '',
      dropped > 0 ? `dropped ${dropped} missing exemplar${dropped === 1 ? '' : 's'}` : '',
    ].filter((p) => p !== '');
    return ok({ summary: `Repaired the project: ${parts.join(', ')}`, changes: { codes: codeRows, codings: codingRows }, result });
  },
});

/** Codes moved to the top level (renamed "… (repaired)" when the name is taken there) and exemplar lists cleaned. */
function codeChanges(snapshot: IntegritySnapshot, toMove: ReadonlySet<string>, removedCodings: ReadonlySet<string>): { rows: Array<RowChange<Code>>; moved: number; dropped: number } {
  const existing = new Set(snapshot.codings.filter((c) => !removedCodings.has(c.id)).map((c) => c.id));
  const topNames = new Set(snapshot.codes.filter((c) => c.parentId === null).map((c) => c.name.trim().toLowerCase()));
  let nextOrder = Math.max(-1, ...snapshot.codes.filter((c) => c.parentId === null).map((c) => c.order)) + 1;
  const rows: Array<RowChange<Code>> = [];
  let moved = 0;
  let dropped = 0;
  for (const code of [...snapshot.codes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    let after: Code = code;
    if (toMove.has(code.id)) {
      let name = code.name;
      for (let n = 1; topNames.has(name.trim().toLowerCase()); n++) name = `${code.name} (repaired${n === 1 ? '' : ` ${n}`})`;
      topNames.add(name.trim().toLowerCase());
      after = { ...after, name, parentId: null, order: nextOrder++ };
      moved++;
    }
    const kept = code.exemplarCodingIds.filter((id) => existing.has(id));
    if (kept.length !== code.exemplarCodingIds.length) {
      dropped += code.exemplarCodingIds.length - kept.length;
      after = { ...after, exemplarCodingIds: kept };
    }
    if (after !== code) rows.push({ before: code, after });
  }
  return { rows, moved, dropped };
}
