/**
 * The integrity check (reliability.md §2.8, Zotero's "Check Database Integrity"): what a project's
 * records should never hold but might after a bug, a hand-edited file or a half-restored database.
 * The app (Help → Check project integrity…) and `threadmark check` both call `integrityReport`;
 * each finding says what the repair (operations/integrity-repair.ts) would do with it.
 */
import { findLoops } from '../../bundle/bundle-rules';
import type { Code, Coding, Post } from '../../model/records';
import { codePointLength, sliceCodePoints } from '../../text/offsets';
import type { ProjectReader } from '../project-store';

export type IntegrityFindingKind =
  | 'coding-missing-post'
  | 'coding-missing-code'
  | 'coding-missing-coder'
  | 'coding-outside-text'
  | 'coding-wrong-thread'
  | 'coding-quote-mismatch'
  | 'code-missing-parent'
  | 'code-cycle'
  | 'exemplar-missing-coding';

/** What the repair does: remove the record, move the code to the top level, or correct one derived field. */
export type IntegrityRepair = 'remove-coding' | 'move-code-to-top' | 'fix-thread' | 'fix-quote' | 'drop-exemplar';

export interface IntegrityFinding {
  kind: IntegrityFindingKind;
  /** The record it is about: "coding <id>", "code “Name” (id …)". */
  record: string;
  /** The id of that record (a coding's or a code's). */
  id: string;
  message: string;
  repair: IntegrityRepair;
}

export interface IntegrityReport {
  /** How many records were looked at. */
  checked: { codes: number; codings: number; posts: number };
  /** In a stable order: codings by id, then codes by id (kind order within a record). */
  findings: IntegrityFinding[];
}

/** The snapshot the check and the repair work on: plain data, read once. */
export interface IntegritySnapshot {
  codes: Code[];
  coderIds: Set<string>;
  codings: Coding[];
  /** The posts the codings point at that exist. */
  posts: Map<string, Post>;
}

export async function readIntegritySnapshot(reader: ProjectReader): Promise<IntegritySnapshot> {
  const [codes, coders, codings] = await Promise.all([reader.codes(), reader.coders(), reader.allCodings()]);
  const posts = await reader.posts([...new Set(codings.map((c) => c.postId))]);
  return { codes, coderIds: new Set(coders.map((c) => c.id)), codings, posts };
}

export async function integrityReport(reader: ProjectReader): Promise<IntegrityReport> {
  return integrityOf(await readIntegritySnapshot(reader));
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const codeLabel = (code: Code): string => `code “${code.name}” (id ${code.id})`;

/** Pure: every finding in a snapshot. */
export function integrityOf(snapshot: IntegritySnapshot): IntegrityReport {
  const codes = new Map(snapshot.codes.map((c) => [c.id, c]));
  const findings: IntegrityFinding[] = [];
  const codingIds = new Set<string>();
  for (const coding of [...snapshot.codings].sort(byId)) {
    codingIds.add(coding.id);
    const finding = codingFinding(coding, snapshot, codes);
    if (finding) findings.push(finding);
  }
  const sortedCodes = [...snapshot.codes].sort(byId);
  // One finding per loop, on its member with the lowest id: moving that one code breaks the loop.
  const loops = new Map(findLoops(sortedCodes).map((loop) => [loop[0]!, loop]));
  for (const code of sortedCodes) {
    const record = codeLabel(code);
    const loop = loops.get(code.id);
    if (code.parentId !== null && !codes.has(code.parentId)) {
      findings.push({ kind: 'code-missing-parent', record, id: code.id, message: `its parent code ${code.parentId} does not exist`, repair: 'move-code-to-top' });
    } else if (loop) {
      const names = loop.map((id) => `“${codes.get(id)!.name}”`).join(' → ');
      findings.push({ kind: 'code-cycle', record, id: code.id, message: `it is its own ancestor: ${names} → “${code.name}”`, repair: 'move-code-to-top' });
    }
    const missing = code.exemplarCodingIds.filter((id) => !codingIds.has(id));
    if (missing.length > 0) {
      findings.push({ kind: 'exemplar-missing-coding', record, id: code.id, message: `exemplar coding ${missing.join(', ')} does not exist`, repair: 'drop-exemplar' });
    }
  }
  return { checked: { codes: snapshot.codes.length, codings: snapshot.codings.length, posts: snapshot.posts.size }, findings };
}

/** A coding's first problem: what makes it unusable first (removed), then what can be corrected. */
function codingFinding(coding: Coding, snapshot: IntegritySnapshot, codes: ReadonlyMap<string, Code>): IntegrityFinding | undefined {
  const record = `coding ${coding.id}`;
  const remove = (kind: IntegrityFindingKind, message: string): IntegrityFinding => ({ kind, record, id: coding.id, message, repair: 'remove-coding' });
  const post = snapshot.posts.get(coding.postId);
  if (!post) return remove('coding-missing-post', `its post ${coding.postId} does not exist`);
  if (!codes.has(coding.codeId)) return remove('coding-missing-code', `its code ${coding.codeId} does not exist`);
  if (!snapshot.coderIds.has(coding.coderId)) return remove('coding-missing-coder', `its coder ${coding.coderId} does not exist`);
  const length = codePointLength(post.text);
  const fits = Number.isSafeInteger(coding.start) && Number.isSafeInteger(coding.end) && coding.start >= 0 && coding.start < coding.end && coding.end <= length;
  if (!fits) return remove('coding-outside-text', `range ${coding.start}–${coding.end} does not fit post ${post.id} (length ${length})`);
  if (coding.threadId !== post.threadId) {
    return { kind: 'coding-wrong-thread', record, id: coding.id, message: `it says thread ${coding.threadId}, but post ${post.id} is in thread ${post.threadId}`, repair: 'fix-thread' };
  }
  if (sliceCodePoints(post.text, coding.start, coding.end) !== coding.quote) {
    return { kind: 'coding-quote-mismatch', record, id: coding.id, message: `its quote is not the text of post ${post.id} at ${coding.start}–${coding.end}`, repair: 'fix-quote' };
  }
  return undefined;
}

/** "2 codings on missing posts, 1 loop in the code tree": the report in one line per kind. */
export function describeFindings(findings: readonly IntegrityFinding[]): string[] {
  const counts = new Map<IntegrityFindingKind, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${KIND_TEXT[kind](n)}`);
}

const s = (n: number, one: string, many: string): string => (n === 1 ? one : many);
const KIND_TEXT: Record<IntegrityFindingKind, (n: number) => string> = {
  'coding-missing-post': (n) => s(n, 'coding on a missing post', 'codings on missing posts'),
  'coding-missing-code': (n) => s(n, 'coding with a missing code', 'codings with missing codes'),
  'coding-missing-coder': (n) => s(n, 'coding by a missing coder', 'codings by missing coders'),
  'coding-outside-text': (n) => s(n, 'coding outside its post’s text', 'codings outside their post’s text'),
  'coding-wrong-thread': (n) => s(n, 'coding filed under the wrong thread', 'codings filed under the wrong thread'),
  'coding-quote-mismatch': (n) => s(n, 'coding whose quote differs from the text', 'codings whose quotes differ from the text'),
  'code-missing-parent': (n) => s(n, 'code with a missing parent', 'codes with missing parents'),
  'code-cycle': (n) => s(n, 'loop in the code tree', 'loops in the code tree'),
  'exemplar-missing-coding': (n) => s(n, 'code with a missing exemplar', 'codes with missing exemplars'),
};
