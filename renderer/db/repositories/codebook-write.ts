import type { Table } from 'dexie';

import { codeProblem, type CodebookProblem } from '@shared/codebook/codebook-problem';
import type { Code, CodebookChange, CodebookChangeKind, Coding } from '@shared/model/records';
import type { Clock, IdSource } from '@shared/util/clock';
import { err, ok, type Result } from '@shared/util/result';

import type { ThreadmarkDB } from '../database';
import { getPosts, postTables } from '../post-store';
import { codeRuleProblem } from './code-rules';
import { getCurrentCoderId } from './settings-repository';

export interface CodebookDeps {
  clock: Clock;
  ids: IdSource;
}

/** One row before and after a write: null before for an added row, null after for a deleted one. */
export interface RowChange<T> {
  before: T | null;
  after: T | null;
}

/**
 * What one codebook write changed, row by row: enough to say what it did, and to undo and redo it
 * (codebook-undo.ts). Its change-log rows share `operationId`.
 */
export interface CodebookOperation {
  operationId: string;
  kind: CodebookChangeKind;
  /** "Merged “A” into “B”: …", also the summary of its change-log rows unless a row has its own. */
  summary: string;
  at: string;
  coderId: string;
  codes: Array<RowChange<Code>>;
  codings: Array<RowChange<Coding>>;
}

export type CodebookResult<T = CodebookOperation> = Result<T, CodebookProblem>;

/** What an operation will change, before it is checked, written and logged. */
export interface CodebookDraft {
  kind: CodebookChangeKind;
  summary: string;
  codes: Array<RowChange<Code>>;
  codings: Array<RowChange<Coding>>;
  /** A change-log sentence for one code, where it says more than `summary`. */
  rowSummaries?: ReadonlyMap<string, string>;
  /** A change-log kind for one code, where it differs from `kind` (an undone add is a delete). */
  rowKinds?: ReadonlyMap<string, CodebookChangeKind>;
}

/** What a draft is built from, read inside the write's transaction. */
export interface DraftContext {
  /** The whole codebook (a few thousand codes at most: loaded, not queried). */
  codes: Code[];
  /** The time of this write. */
  at: string;
  ids: IdSource;
}

const NO_CODER: CodebookProblem = { record: 'codebook', field: 'coderId', message: 'no coder is chosen: say who is coding before changing the codebook' };

/**
 * Every codebook write goes through here: in ONE rw transaction it reads the current coder and
 * the codebook, builds the draft, checks the codebook as it would be afterwards (codeRuleProblem
 * for every changed code; nothing left under or coded with a deleted code; every written coding
 * on an existing, codable code, post and coder), writes the rows and appends one change-log row
 * per changed code. A refused draft writes nothing. A draft that changes nothing writes and logs
 * nothing and comes back with empty `codes` and `codings`.
 */
export async function writeCodebook(
  db: ThreadmarkDB,
  deps: CodebookDeps,
  build: (context: DraftContext) => Promise<CodebookResult<CodebookDraft>> | CodebookResult<CodebookDraft>,
): Promise<CodebookResult> {
  const at = deps.clock.now();
  return db.transaction('rw', [db.meta, db.coders, db.codes, db.codings, ...postTables(db), db.codebookChanges], async () => {
    const coderId = await getCurrentCoderId(db);
    if (coderId === null) return err(NO_CODER);
    const codes = await db.codes.toArray();
    const built = await build({ codes, at, ids: deps.ids });
    if (!built.ok) return built;
    const draft = built.value;
    const operation: CodebookOperation = { operationId: deps.ids.newId(), kind: draft.kind, summary: draft.summary, at, coderId, codes: draft.codes, codings: draft.codings };
    if (draft.codes.length === 0 && draft.codings.length === 0) return ok(operation);

    const problem = await checkDraft(db, codes, draft);
    if (problem) return err(problem);
    await writeRows(db.codings, draft.codings);
    await writeRows(db.codes, draft.codes);
    await db.codebookChanges.bulkAdd(draft.codes.map((row) => logRow(operation, draft, row, deps.ids)));
    return ok(operation);
  });
}

async function writeRows<T extends { id: string }>(table: Table<T, string>, rows: ReadonlyArray<RowChange<T>>): Promise<void> {
  await table.bulkDelete(rows.flatMap((r) => (r.after === null && r.before ? [r.before.id] : [])));
  await table.bulkPut(rows.flatMap((r) => (r.after === null ? [] : [r.after])));
}

function logRow(operation: CodebookOperation, draft: CodebookDraft, row: RowChange<Code>, ids: IdSource): CodebookChange {
  const codeId = (row.after ?? row.before)?.id ?? '';
  let kind = draft.rowKinds?.get(codeId) ?? draft.kind;
  // The log's own rules: an added code has no before, a deleted one no after.
  if ((kind === 'add' && row.before !== null) || (kind === 'delete' && row.after !== null)) kind = 'edit';
  return {
    id: ids.newId(),
    operationId: operation.operationId,
    at: operation.at,
    coderId: operation.coderId,
    kind,
    codeId,
    summary: draft.rowSummaries?.get(codeId) ?? draft.summary,
    before: row.before,
    after: row.after,
  };
}

/** The first rule the codebook would break after the draft, or undefined. */
async function checkDraft(db: ThreadmarkDB, current: readonly Code[], draft: CodebookDraft): Promise<CodebookProblem | undefined> {
  const resulting = new Map(current.map((c) => [c.id, c]));
  for (const { before, after } of draft.codes) {
    if (after) resulting.set(after.id, after);
    else if (before) resulting.delete(before.id);
  }
  const codes = [...resulting.values()];
  const codingsAfter = async (codeId: string): Promise<number> => {
    let n = await db.codings.where('codeId').equals(codeId).count();
    for (const { before, after } of draft.codings) n += Number(after?.codeId === codeId) - Number(before?.codeId === codeId);
    return n;
  };

  for (const { before, after } of draft.codes) {
    if (after) {
      const problem = codeRuleProblem(after, codes, after.codable ? 0 : await codingsAfter(after.id), before);
      if (problem) return problem;
    } else if (before) {
      const child = codes.find((c) => c.parentId === before.id);
      if (child) return codeProblem(before, 'id', `cannot delete it: its sub-code “${child.name}” would be left without a parent`);
      const left = await codingsAfter(before.id);
      if (left > 0) return codeProblem(before, 'id', `cannot delete it: ${left} ${left === 1 ? 'coding still uses' : 'codings still use'} it`);
    }
  }
  return checkCodings(db, resulting, draft.codings);
}

async function checkCodings(db: ThreadmarkDB, codes: ReadonlyMap<string, Code>, rows: ReadonlyArray<RowChange<Coding>>): Promise<CodebookProblem | undefined> {
  const written = rows.flatMap((r) => (r.after ? [r.after] : []));
  if (written.length === 0) return undefined;
  const postIds = [...new Set(written.map((c) => c.postId))];
  const coderIds = [...new Set(written.map((c) => c.coderId))];
  const [posts, coders] = await Promise.all([getPosts(db, postIds), db.coders.bulkGet(coderIds)]);
  const missingPosts = new Set(postIds.filter((id) => !posts.has(id)));
  const missingCoders = new Set(coderIds.filter((_, i) => coders[i] === undefined));
  for (const coding of written) {
    const record = `coding ${coding.id}`;
    const code = codes.get(coding.codeId);
    if (!code) return { record, field: 'codeId', message: `code ${coding.codeId} does not exist` };
    if (!code.codable) return { record, field: 'codeId', message: `“${code.name}” is category-only: nothing can be coded with it` };
    if (missingPosts.has(coding.postId)) return { record, field: 'postId', message: `post ${coding.postId} no longer exists` };
    if (missingCoders.has(coding.coderId)) return { record, field: 'coderId', message: `coder ${coding.coderId} no longer exists` };
  }
  return undefined;
}
