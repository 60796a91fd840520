/**
 * The instance of a federated platform a post comes from: the host of its URL (Mastodon,
 * Misskey-style servers). Instances set their own terms, so threads record it to pick theirs.
 */
import type { Platform } from '../model/records';

const FEDERATED: ReadonlySet<Platform> = new Set(['mastodon']);

/** The lower-cased host of `url` for a federated platform's post, or undefined. */
export function instanceOf(platform: Platform, url: string | null): string | undefined {
  if (!FEDERATED.has(platform) || url === null) return undefined;
  const match = /^https?:\/\/([^/?#:@\s]+)/i.exec(url);
  return match ? (match[1] as string).toLowerCase() : undefined;
}
