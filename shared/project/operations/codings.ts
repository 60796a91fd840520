/** Coding operations: code a span, remove a coding, edit its memo, mark it as an exemplar. */
import { notApplicableReason } from '../../codebook/code-status';
import type { Code, Coding, Post } from '../../model/records';
import { sliceCodePoints } from '../../text/offsets';
import { err, ok } from '../../util/result';
import { defineOperation, unchanged } from '../operation';
import { staleEditProblem } from '../stale-edit';
import { versionInForce } from '../version-in-force';
import { excerpt } from './excerpt';

export interface AddCodingInput {
  postId: string;
  codeId: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  memo?: string;
  /** Whose coding it is: the acting coder unless given (a consensus layer, say). */
  coderId?: string;
}

const isOffset = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

interface AddCodingSnapshot {
  post: Post | undefined;
  code: Code | undefined;
  /** The named codebook version the coding is made under (version-in-force.ts). */
  versionId: string | undefined;
}

export const addCoding = defineOperation<AddCodingInput, AddCodingSnapshot, Coding>({
  kind: 'coding.add',
  // Its read (post, codes, project, versions), the check of a written coding (codes, post, coder) and the coding.
  tables: ['projects', 'posts', 'codes', 'coders', 'codings', 'codebookVersions'],
  async read(reader, input) {
    const [posts, codes, project, versions] = await Promise.all([reader.posts([input.postId]), reader.codes(), reader.project(), reader.versions()]);
    return { post: posts.get(input.postId), code: codes.find((c) => c.id === input.codeId), versionId: versionInForce(project, versions) };
  },
  plan({ post, code, versionId }, input, { at, actor, ids }) {
    const record = `post ${input.postId}`;
    if (!isOffset(input.start) || !isOffset(input.end) || input.start >= input.end) {
      return err({ record, field: 'start', message: `cannot code the range ${input.start}–${input.end} (need 0 ≤ start < end)` });
    }
    if (!post) return err({ record, field: 'id', message: 'the post does not exist' });
    if (!code) return err({ record: `code ${input.codeId}`, field: 'id', message: 'the code does not exist' });
    const notApplicable = notApplicableReason(code);
    if (notApplicable) return err({ record: `code “${code.name}” (id ${code.id})`, field: code.codable ? 'retired' : 'codable', message: notApplicable });
    const coding: Coding = {
      id: ids.newId(),
      postId: post.id,
      threadId: post.threadId,
      codeId: code.id,
      coderId: input.coderId ?? actor.id,
      start: input.start,
      end: input.end,
      quote: sliceCodePoints(post.text, input.start, input.end),
      memo: input.memo ?? '',
      createdAt: at,
      updatedAt: at,
      ...(versionId === undefined ? {} : { codebookVersionId: versionId }),
    };
    return ok({ summary: `Coded “${excerpt(coding.quote)}” as “${code.name}”`, changes: { codings: [{ before: null, after: coding }] }, result: coding });
  },
});

interface CodingSnapshot {
  coding: Coding | undefined;
  codes: Code[];
}

async function readCoding(reader: Parameters<typeof addCoding.read>[0], codingId: string): Promise<CodingSnapshot> {
  const [codings, codes] = await Promise.all([reader.codingsByIds([codingId]), reader.codes()]);
  return { coding: codings.get(codingId), codes };
}

const unknownCoding = (id: string) => err({ record: `coding ${id}`, field: 'id', message: 'the coding does not exist (it may have been removed meanwhile)' });

/** Removes a coding; a coding that was an exemplar of its code stops being one. */
export const removeCoding = defineOperation<{ codingId: string }, CodingSnapshot, Coding>({
  kind: 'coding.remove',
  // The coding, and the codes whose exemplars it leaves (checked against their coding counts).
  tables: ['codes', 'codings'],
  read: (reader, { codingId }) => readCoding(reader, codingId),
  plan({ coding, codes }, { codingId }) {
    if (!coding) return unknownCoding(codingId);
    const name = codes.find((c) => c.id === coding.codeId)?.name ?? coding.codeId;
    const exemplarOf = codes.filter((c) => c.exemplarCodingIds.includes(coding.id));
    return ok({
      summary: `Removed “${name}” from “${excerpt(coding.quote)}”`,
      changes: {
        codings: [{ before: coding, after: null }],
        codes: exemplarOf.map((c) => ({ before: c, after: { ...c, exemplarCodingIds: c.exemplarCodingIds.filter((id) => id !== coding.id) } })),
      },
      result: coding,
    });
  },
});

/** `base`: the memo the editor loaded; a memo changed since is not overwritten (stale-edit.ts). */
export const editMemo = defineOperation<{ codingId: string; memo: string; base?: string }, CodingSnapshot, Coding>({
  kind: 'coding.memo',
  read: (reader, { codingId }) => readCoding(reader, codingId),
  plan({ coding, codes }, { codingId, memo, base }, { at }) {
    if (!coding) return unknownCoding(codingId);
    const stale = staleEditProblem({ stored: coding.memo, base, next: memo, record: `coding ${coding.id}`, field: 'memo', what: 'This coding’s memo', kept: 'your text is kept in the editor', merge: 'reopen the memo and merge' });
    if (stale) return err(stale);
    if (coding.memo === memo) return unchanged('No change to the memo', coding);
    const after: Coding = { ...coding, memo, updatedAt: at };
    const name = codes.find((c) => c.id === coding.codeId)?.name ?? coding.codeId;
    const summary = memo === '' ? `Cleared the memo of “${name}” on “${excerpt(coding.quote)}”` : `Memo on “${name}” at “${excerpt(coding.quote)}”: “${excerpt(memo)}”`;
    return ok({ summary, changes: { codings: [{ before: coding, after }] }, result: after });
  },
});

/** Marks a coding as an exemplar of its code (shown with its quote in the codebook), or unmarks it. */
export const setExemplar = defineOperation<{ codingId: string; on: boolean }, CodingSnapshot, Code | null>({
  kind: 'code.exemplar',
  read: (reader, { codingId }) => readCoding(reader, codingId),
  plan({ coding, codes }, { codingId, on }) {
    if (!coding) return unknownCoding(codingId);
    const code = codes.find((c) => c.id === coding.codeId);
    if (!code) return err({ record: `coding ${codingId}`, field: 'codeId', message: `code ${coding.codeId} does not exist` });
    if (code.exemplarCodingIds.includes(codingId) === on) return unchanged(`No change to “${code.name}”`, null);
    const after: Code = { ...code, exemplarCodingIds: on ? [...code.exemplarCodingIds, codingId] : code.exemplarCodingIds.filter((id) => id !== codingId) };
    const quote = excerpt(coding.quote);
    const summary = on ? `Marked “${quote}” as an exemplar of “${code.name}”` : `Unmarked “${quote}” as an exemplar of “${code.name}”`;
    return ok({ summary, changes: { codes: [{ before: code, after }] }, result: after });
  },
});
