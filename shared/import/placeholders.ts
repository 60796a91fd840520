/**
 * The visible stand-ins assembly adds to a reply tree. They are posts (so the thread view, exports
 * and counts need no special case) with `platformId: null`, so a later import of the real post is
 * never taken for a duplicate, and `meta.placeholder` saying what they stand for.
 */
import type { PostMeta } from '../model/records';

export interface PlaceholderContent {
  author: string;
  text: string;
  meta: PostMeta;
}

/** A post that replies point to but the imported files do not hold. */
export function missingPost(platformId: string): PlaceholderContent {
  return { author: '[missing]', text: '[post not in this file]', meta: { placeholder: 'missing', platformId } };
}

/**
 * A post that was in the file but left out because its text is not well-formed Unicode; its
 * replies hang here so nothing else is lost.
 */
export function rejectedPost(platformId: string): PlaceholderContent {
  return {
    author: '[missing]',
    text: '[post left out: its text is not well-formed Unicode]',
    meta: { placeholder: 'missing', platformId, rejected: true },
  };
}

/** Replies the source knows of but did not include; `count` null when it did not say how many. */
export function moreReplies(count: number | null): PlaceholderContent {
  const text =
    count === null ? 'More replies not in this file' : `${count} more ${count === 1 ? 'reply' : 'replies'} not in this file`;
  return { author: '[more]', text, meta: { placeholder: 'more', count } };
}
