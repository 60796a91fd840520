import demoFile from '../../resources/demo/demo-project.threadmark.json';
import type { Bundle, BundleCoding } from '../bundle/bundle';
import { validateBundle } from '../bundle/validate';
import type { Post } from '../model/records';
import { codePointLength, sliceCodePoints } from '../text/offsets';

/** The app's demo project (resources/demo), as the first run opens it. */
export function demoProject(): Bundle {
  const read = validateBundle(demoFile as unknown);
  if (!read.ok) throw new Error('demo invalid');
  return read.value;
}

/**
 * The demo ships uncoded: here a coder codes every post whole, and spans that cut into each @ and
 * each author's name the text holds (half in, half out), with a memo naming the post's author.
 */
export function codedDemo(): Bundle {
  const bundle = demoProject();
  const authors = [...new Set(bundle.posts.map((p) => p.author))].filter((a) => a !== '[deleted]');
  const code = bundle.codes.find((c) => c.codable)!;
  const codings: BundleCoding[] = [];
  const at = '2025-03-12T10:00:00.000Z';
  const add = (post: Post, start: number, end: number) =>
    codings.push({ id: `coding-${codings.length}`, postId: post.id, codeId: code.id, coderId: 'ana', start, end, quote: sliceCodePoints(post.text, start, end), memo: `about ${post.author}`, createdAt: at, updatedAt: at });
  for (const post of bundle.posts) {
    const length = codePointLength(post.text);
    if (length === 0) continue;
    add(post, 0, length);
    for (const name of [...authors, '@']) {
      const index = post.text.indexOf(name);
      if (index < 0) continue;
      const cp = codePointLength(post.text.slice(0, index));
      add(post, Math.max(0, cp - 3), Math.min(length, cp + 4));
      add(post, cp + 2, Math.min(length, cp + [...name].length + 5));
    }
  }
  return { ...bundle, coders: [{ id: 'ana', name: 'Ana' }], codings };
}
