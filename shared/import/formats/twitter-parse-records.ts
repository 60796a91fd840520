/**
 * Records of an X/Twitter file → posts: each record through twitterRecord, duplicates merged (a
 * parent twarc put in `includes` on one page is often a `data` tweet on another), then thread keys
 * resolved over the whole file. Any bad record refuses the file: an import is all or nothing.
 */
import { err, ok, type Result } from '../../util/result';
import { ProblemList } from '../import-problem';
import type { ParsedFile, RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import type { JsonRecord } from './twitter-json-records';
import { twitterRecord } from './twitter-record';
import { inheritRootThreadKeys } from './thread-keys';

export function parseTwitterRecords(records: readonly JsonRecord[], fileName: string, format: string): Result<ParsedFile, Problem[]> {
  const byId = new Map<string, RawPost>();
  const problems = new ProblemList(fileName);
  for (const { value, where } of records) {
    const result = twitterRecord(value, where);
    if (!Array.isArray(result)) {
      problems.add(result);
      continue;
    }
    for (const post of result) {
      const seen = byId.get(post.platformId);
      // The first copy wins, except that a real tweet replaces a tombstone made from an API error.
      if (seen === undefined || (seen.deleted === true && post.deleted !== true)) byId.set(post.platformId, post);
    }
  }
  if (problems.count > 0) return err(problems.list());
  return ok({ format, posts: inheritRootThreadKeys([...byId.values()]), warnings: [] });
}
