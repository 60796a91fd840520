/**
 * The memos a coder wrote in their blind package, merged with their codings (merge-coder-files.ts):
 * their own post, thread and code memos, checked as the codings are — by the package's coder only,
 * on targets this project has (a code the coder added comes in with the memo, as with a coding).
 * A memo is added, or updates the coder's memo on the same target; none is removed, because a
 * coder's thread and code memos in the lead's project may come from other rounds. The blind
 * project's own project memo is about the package, not the lead's project: left out, and counted.
 */
import type { Code, Coder, Memo } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import type { RowChange } from '../change-set';
import type { CoderFile } from '../queries/coder-files';
import { memoId, memoKey } from './memos';

export interface MergedMemoCounts {
  added: number;
  changed: number;
  unchanged: number;
  /** Memos on the blind project itself, which do not come in. */
  leftOut: number;
}

export interface MemoTargets {
  threadIds: ReadonlySet<string>;
  postIds: ReadonlySet<string>;
  /** A code of this project or one this merge adds; undefined when neither has it. */
  code(id: string): Code | undefined;
}

/**
 * One file's memos against the project's. `seen` (memo key → file) spans the files of one merge,
 * so two files never change the same memo.
 */
export function planCoderMemos(
  file: CoderFile,
  coder: Coder,
  stored: ReadonlyMap<string, Memo>,
  targets: MemoTargets,
  seen: Map<string, string>,
): Result<{ rows: Array<RowChange<Memo>>; counts: MergedMemoCounts }, Problem> {
  const refuse = (record: string, field: string, message: string) => err({ file: file.name, record, field, message });
  const rows: Array<RowChange<Memo>> = [];
  const counts: MergedMemoCounts = { added: 0, changed: 0, unchanged: 0, leftOut: 0 };
  for (const m of file.bundle.memos ?? []) {
    const record = `memo ${m.id}`;
    if (m.coderId !== coder.id) return refuse(record, 'coderId', `is by coder ${m.coderId}, not ${coder.name} whose package this is`);
    const { kind, id } = m.target;
    if (kind === 'project') {
      counts.leftOut++;
      continue;
    }
    if (kind === 'post' && !targets.postIds.has(id)) return refuse(record, 'target.id', `post ${id} is not in this project`);
    if (kind === 'thread' && !targets.threadIds.has(id)) return refuse(record, 'target.id', `thread ${id} is not in this project`);
    if (kind === 'code' && !targets.code(id)) return refuse(record, 'target.id', `code ${id} is in neither the file nor this project`);
    const key = memoKey({ target: m.target, coderId: coder.id });
    const other = seen.get(key);
    if (other !== undefined) return refuse(record, 'target', `${coder.name}'s memo on this ${kind} is in ${other} too: merge one of them first`);
    seen.set(key, file.name);
    const before = stored.get(key);
    // Field by field, as a coding is: nothing but a memo's fields is stored.
    const after: Memo = {
      id: before?.id ?? memoId({ kind, id }, coder.id),
      target: { kind, id },
      coderId: coder.id,
      text: m.text,
      createdAt: before?.createdAt ?? m.createdAt,
      updatedAt: m.updatedAt,
    };
    if (!before) {
      counts.added++;
      rows.push({ before: null, after });
    } else if (before.text === after.text) {
      counts.unchanged++;
    } else {
      counts.changed++;
      rows.push({ before, after });
    }
  }
  return ok({ rows, counts });
}
