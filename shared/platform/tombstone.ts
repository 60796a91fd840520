/**
 * A post deleted on its platform, as Threadmark keeps it: its ids and place in the reply tree stay
 * (replies remain attached, docs/decisions, "Platform deletions leave tombstones"), everything the
 * author wrote or that identifies them goes: text, author, URL and platform extras.
 */
import type { Post } from '../model/records';

/** What the reading view shows in place of a deleted post's text. */
export const DELETED_ON_PLATFORM_LABEL = '[deleted on platform]';

export function tombstoneOf(post: Post, at: string): Post {
  return { ...post, author: '', text: '', url: null, meta: {}, deletedOnPlatform: at };
}

export const isDeletedOnPlatform = (post: Pick<Post, 'deletedOnPlatform'>): boolean => post.deletedOnPlatform !== undefined;

/** Meta keys that name a post's author by an account id or handle (user-id deletion lists match them). */
export const AUTHOR_ID_META_KEYS = ['authorId', 'author_id', 'authorFullname', 'author_fullname', 'userId', 'user_id', 'accountId', 'account_id', 'did', 'handle', 'username', 'channelId'] as const;

/** Whether a post was written by one of these users: by author name or an author id in its meta. */
export function writtenByAny(post: Post, users: ReadonlySet<string>): boolean {
  if (users.has(post.author)) return true;
  for (const key of AUTHOR_ID_META_KEYS) {
    const value = post.meta[key];
    if ((typeof value === 'string' || typeof value === 'number') && users.has(String(value))) return true;
  }
  return false;
}
