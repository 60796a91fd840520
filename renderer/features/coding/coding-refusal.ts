/** Why a post may not be coded at all, whoever codes it; null when it may. Pure, so it is tested without a DOM. */
import type { Post } from '@shared/model/records';

/** A placeholder ("[missing]", "[more]") stands for posts the source only hinted at: its text is ours, not theirs. */
export const isPlaceholderPost = (post: Pick<Post, 'meta'> | undefined): boolean => post?.meta.placeholder !== undefined;

export function placeholderRefusal(post: Pick<Post, 'meta'> | undefined): string | null {
  if (!post || !isPlaceholderPost(post)) return null;
  return post.meta.placeholder === 'more'
    ? 'This is a placeholder for replies the source did not include: there is no text of theirs to code.'
    : 'This is a placeholder for a post missing from the thread: there is no text of it to code.';
}
