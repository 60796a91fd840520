/**
 * Line formats that are streamed (stream-json-lines.ts): NDJSON whose parser exposes a per-line
 * record function. The file goes through Utf8LineSplitter one JSON line at a time, so only the
 * posts stay in memory, never the file as one string. To stream another format, add an entry.
 */
import { isImportProblem } from '../import-problem';
import type { ParsedFile, RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { REDDIT_DUMP_FORMAT, redditDumpRecord } from '../formats/reddit-pushshift';
import { inheritRootThreadKeys } from '../formats/thread-keys';
import { twitterRecord } from '../formats/twitter-record';
import { ZEESCHUIMER_FORMAT, zeeschuimerRecord } from '../formats/zeeschuimer-ndjson';
import { err, ok, type Result } from '../../util/result';

import { compact } from './compact';

export interface LineSession {
  /** One parsed line; a problem refuses the file. */
  record(value: unknown, line: number): Problem | null;
  finish(): Result<ParsedFile, Problem[]>;
}

export interface LineFormat {
  /** True when the file's first line, parsed alone, is a record: the file is JSON Lines. */
  streamable(firstLine: unknown): boolean;
  begin(file: string): LineSession;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Pushshift / Arctic Shift: each line is a post; escaping is detected per record when streaming. */
const redditDump: LineFormat = {
  streamable: isObject,
  begin(file) {
    const posts: RawPost[] = [];
    return {
      record(value, line) {
        const post = redditDumpRecord(value, { file, line }, 'detect');
        if (isImportProblem(post)) return post;
        posts.push(compact(post));
        return null;
      },
      finish: () => (posts.length === 0 ? err([{ file, message: 'the file is empty' }]) : ok({ format: REDDIT_DUMP_FORMAT, posts, warnings: [] })),
    };
  },
};

/** twarc2 / v1.1 JSON Lines: the same steps as parseTwitterRecords, one record at a time. */
function twitterLines(format: string): LineFormat {
  return {
    streamable: isObject,
    begin(file) {
      const byId = new Map<string, RawPost>();
      return {
        record(value, line) {
          const result = twitterRecord(value, { file, line });
          if (!Array.isArray(result)) return result;
          for (const post of result) {
            const seen = byId.get(post.platformId);
            if (seen === undefined || (seen.deleted === true && post.deleted !== true)) byId.set(post.platformId, compact(post));
          }
          return null;
        },
        finish: () => ok({ format, posts: inheritRootThreadKeys([...byId.values()]), warnings: [] }),
      };
    },
  };
}

/** Zeeschuimer / 4CAT NDJSON: one item per line, as parseZeeschuimer reads them. */
const zeeschuimerLines: LineFormat = {
  streamable: isObject,
  begin(file) {
    const posts: RawPost[] = [];
    return {
      record(value, line) {
        const post = zeeschuimerRecord(value, { file, line });
        if (isImportProblem(post)) return post;
        posts.push(compact(post));
        return null;
      },
      finish: () => (posts.length === 0 ? err([{ file, message: 'the file is empty' }]) : ok({ format: ZEESCHUIMER_FORMAT, posts, warnings: [] })),
    };
  },
};

export const lineFormats: Record<string, LineFormat> = {
  [ZEESCHUIMER_FORMAT]: zeeschuimerLines,
  [REDDIT_DUMP_FORMAT]: redditDump,
  'twitter-v2': twitterLines('twitter-v2'),
  'twitter-v1': twitterLines('twitter-v1'),
};

export function lineFormatFor(formatId: string): LineFormat | null {
  return Object.hasOwn(lineFormats, formatId) ? (lineFormats[formatId] ?? null) : null;
}
