/**
 * A team project for adjudication tests: two threads (t-2 imported later), a placeholder post,
 * three codes, a lead who only adjudicates (Ada) and three coders. Codings and rounds are given
 * per test; each coder in a round gets the round's assignment. Deterministic.
 */
import type { Assignment, Coding, Post, Round } from '../../model/records';
import { sliceCodePoints } from '../../text/offsets';
import { MemoryProjectStore } from '../memory-store';
import { ADA, code, post, T0, thread } from './core-fixtures.test-helpers';

export const BEN = { id: 'coder-ben', name: 'Ben' };
export const CEM = { id: 'coder-cem', name: 'Cem' };
export const DEE = { id: 'coder-dee', name: 'Dee' };

export const TEXTS: Record<string, string> = {
  'p-1': 'Men are victims too',
  'p-2': 'What about 👩‍👩‍👧 families?',
  'p-3': 'That is a false equivalence',
  'p-5': 'Whatabout the others?',
  'p-6': 'Nobody said that',
};

const PLACEHOLDER: Post = { ...post('p-4', '[missing]'), meta: { placeholder: 'missing' } };

export const teamPosts = (): Post[] => [
  post('p-1', TEXTS['p-1']!, null),
  post('p-2', TEXTS['p-2']!),
  post('p-3', TEXTS['p-3']!),
  PLACEHOLDER,
  post('p-5', TEXTS['p-5']!, null, 't-2'),
  post('p-6', TEXTS['p-6']!, 'p-5', 't-2'),
];

/** A coder's coding of a code over [start, end) of the post's text. */
export function coding(id: string, postId: string, codeId: string, coderId: string, start: number, end: number): Coding {
  const threadId = postId === 'p-5' || postId === 'p-6' ? 't-2' : 't-1';
  const text = postId === 'p-4' ? '[missing]' : TEXTS[postId]!;
  return { id, postId, threadId, codeId, coderId, start, end, quote: sliceCodePoints(text, start, end), memo: '', createdAt: T0, updatedAt: T0 };
}

export function round(id: string, number: number, coderIds: string[], postIds: string[]): Round {
  return { id, number, name: `Round ${number}`, createdAt: T0, codebookVersionId: 'v-1', coderIds, postIds, sample: null, instructions: '' };
}

export interface TeamOptions {
  codings?: Coding[];
  rounds?: Round[];
  /** Assignments besides the rounds' (a coder file's posts, say). */
  assignments?: Assignment[];
  coders?: Array<{ id: string; name: string }>;
}

export function teamProject({ codings = [], rounds = [], assignments = [], coders = [ADA, BEN, CEM, DEE] }: TeamOptions = {}): MemoryProjectStore {
  const roundAssignments = rounds.flatMap((r) => r.coderIds.map((coderId): Assignment => ({ id: `a-${r.id}-${coderId}`, coderId, postIds: [...r.postIds], source: 'round', roundId: r.id })));
  return new MemoryProjectStore({
    project: { id: 'project-1', name: 'Team', createdAt: T0 },
    // t-2 is listed first but imported later: reading order goes by import time.
    threads: [{ ...thread('t-2', 'p-5'), importedAt: '2025-01-01T01:00:00.000Z' }, thread()],
    posts: teamPosts(),
    codes: [code('c-what', 'Whataboutism', { order: 0 }), code('c-false', 'False equivalence', { order: 1 }), code('c-derail', 'Derailing', { order: 2 })],
    coders: coders.map((c) => ({ ...c })),
    codings,
    codebookVersions: [{ id: 'v-1', name: 'v1', createdAt: T0, coderId: ADA.id, codes: [] }],
    rounds,
    assignments: [...roundAssignments, ...assignments],
  });
}
