/**
 * Re-hydration check for an ids-only file: given posts re-collected from the platform (a thread
 * file or a bundle), find each listed post by platform and platform id (else by Threadmark id),
 * check its text's SHA-256 and apply the codings' offsets. Every mismatch is listed by post id;
 * a coding is reproduced only on a post whose text hash matches.
 */
import type { Post } from '../model/records';
import { codePointLength, sliceCodePoints } from '../text/offsets';
import { textSha256, type IdsOnlyFile } from './ids-only';

export interface RehydratedCoding {
  postId: string;
  platformId: string | null;
  codeId: string;
  coderId: string;
  start: number;
  end: number;
  /** The text slice the offsets select in the re-collected post. */
  quote: string;
  quoted?: 'verbatim' | 'paraphrased';
}

export type RehydrateMismatchKind = 'missing' | 'text-differs' | 'offsets-outside';

export interface RehydrateMismatch {
  /** The platform's post id, else Threadmark's. */
  postId: string;
  kind: RehydrateMismatchKind;
  message: string;
}

export interface RehydrateReport {
  posts: number;
  /** Posts found whose text hash matches. */
  verified: number;
  codings: number;
  reproduced: RehydratedCoding[];
  mismatches: RehydrateMismatch[];
}

const key = (platform: string, platformId: string): string => `${platform}\u0000${platformId}`;

export function rehydrate(file: IdsOnlyFile, collected: readonly Post[]): RehydrateReport {
  const byPlatformId = new Map<string, Post>();
  const byId = new Map<string, Post>();
  for (const post of collected) {
    if (post.platformId !== null && !byPlatformId.has(key(post.platform, post.platformId))) byPlatformId.set(key(post.platform, post.platformId), post);
    byId.set(post.id, post);
  }
  const report: RehydrateReport = { posts: file.posts.length, verified: 0, codings: 0, reproduced: [], mismatches: [] };
  for (const listed of file.posts) {
    report.codings += listed.codings.length;
    const name = listed.platformId ?? listed.id;
    const post = (listed.platformId !== null ? byPlatformId.get(key(listed.platform, listed.platformId)) : undefined) ?? byId.get(listed.id);
    if (!post) {
      report.mismatches.push({ postId: name, kind: 'missing', message: `not among the re-collected posts (${listed.platform})` });
      continue;
    }
    if (textSha256(post.text) !== listed.textSha256) {
      report.mismatches.push({ postId: name, kind: 'text-differs', message: `its text differs from the coded one (edited or deleted on the platform): ${listed.codings.length} coding(s) not applied` });
      continue;
    }
    report.verified++;
    const length = codePointLength(post.text);
    for (const c of listed.codings) {
      if (c.end > length) {
        report.mismatches.push({ postId: name, kind: 'offsets-outside', message: `a coding ends at ${c.end}, after the text's ${length} characters` });
        continue;
      }
      report.reproduced.push({ postId: listed.id, platformId: listed.platformId, codeId: c.codeId, coderId: c.coderId, start: c.start, end: c.end, quote: sliceCodePoints(post.text, c.start, c.end), ...(c.quoted ? { quoted: c.quoted } : {}) });
    }
  }
  return report;
}
