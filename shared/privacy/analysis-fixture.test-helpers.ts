import type { Bundle } from '../bundle/bundle';
import { attributeValueId } from '../analysis/attributes/attribute-value';
import { codedDemo } from './demo-fixture.test-helpers';

const AT = '2025-03-12T10:00:00.000Z';
/** A project secret, as the app makes one on its first pseudonymised export. */
export const DEMO_SECRET = 'a1'.repeat(32);
/** An author the corpus no longer holds, with a value of their own (the Attributes tab still lists them). */
export const GONE_AUTHOR = 'vanished_vera';

/**
 * The coded demo with what the analysis tabs export: author and thread attributes (a text value
 * naming people), memos on the project, a thread and a post mentioning authors by @handle and by
 * name, and a value for an author no longer in the corpus. `secret` null: none (the app makes it on export).
 */
export function demoWithAnalysis(secret: string | null = DEMO_SECRET): Bundle {
  const bundle = codedDemo();
  const authors = [...new Set(bundle.posts.map((p) => p.author))].filter((a) => a !== '[deleted]');
  const [a, b, c] = authors as [string, string, string];
  const post = bundle.posts.find((p) => p.author === a)!;
  const thread = bundle.threads[0]!;
  const attributes = [
    { id: 'attr-stance', scope: 'author' as const, name: 'Stance', type: 'text' as const, createdAt: AT },
    { id: 'attr-age', scope: 'author' as const, name: 'Age', type: 'number' as const, createdAt: AT },
    { id: 'attr-note', scope: 'thread' as const, name: 'Note', type: 'text' as const, createdAt: AT },
  ];
  const value = (attributeId: string, subject: string, v: string | number) => ({ id: attributeValueId(attributeId, subject), attributeId, subject, value: v, updatedAt: AT });
  return {
    ...bundle,
    project: { ...bundle.project, ...(secret === null ? {} : { pseudonymSecret: secret }) },
    attributes,
    attributeValues: [
      value('attr-stance', a, `pro, like @${b}`),
      value('attr-stance', b, 'con'),
      value('attr-age', c, 34),
      value('attr-stance', GONE_AUTHOR, 'left'),
      value('attr-note', thread.id, `${c} starts it`),
    ],
    memos: [
      { id: 'memo-project', target: { kind: 'project', id: bundle.project.id }, coderId: 'ana', text: `Ask @${a} about consent`, createdAt: AT, updatedAt: AT },
      { id: 'memo-thread', target: { kind: 'thread', id: thread.id }, coderId: 'ana', text: `${b} derails; see u/${c}`, createdAt: AT, updatedAt: AT },
      { id: 'memo-post', target: { kind: 'post', id: post.id }, coderId: 'ana', text: 'irony, not agreement', createdAt: AT, updatedAt: AT },
    ],
  };
}

/** Every real name and handle of the input: authors and display names (as written, lower-cased too). */
export function realNames(bundle: Bundle): string[] {
  const names = new Set<string>([GONE_AUTHOR]);
  for (const p of bundle.posts) {
    if (p.author !== '[deleted]') names.add(p.author);
    for (const field of ['displayName', 'authorName']) if (typeof p.meta[field] === 'string') names.add(p.meta[field]);
  }
  return [...names].filter((n) => n.trim().length >= 3);
}

/** The real names an output still holds (case-insensitive): [] when it is pseudonymised. */
export function namesIn(output: string, names: readonly string[]): string[] {
  const folded = output.toLowerCase();
  return names.filter((n) => folded.includes(n.toLowerCase()));
}
