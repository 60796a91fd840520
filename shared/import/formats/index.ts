/**
 * Every import format, in the order detection tries them (most specific first). To add a format,
 * write its FormatParser next to its parser and add one line to `formatParsers` below.
 */
import type { FormatParser } from '../detect-format';
import { REDDIT_DUMP_FORMAT, detectRedditDump, parseRedditDumpResult } from './reddit-pushshift';
import { REDDIT_THREAD_FORMAT, detectRedditThread, parseRedditThread } from './reddit-thread';
import { blueskyParser } from './bluesky-parser';
import { mastodonParser } from './mastodon-parser';
import { twitterV1Parser, twitterV2Parser } from './twitter-api-parser';
import { twitterArchiveParser } from './twitter-archive-parser';
import { youtubeParser } from './youtube-parser';
import { zeeschuimerParser } from './zeeschuimer-ndjson';
import { fourcatCsvParser } from './fourcat-csv';
import { csvParser } from './csv-parser';
import { textParser } from './text-parser';

export const redditThreadParser: FormatParser = {
  id: REDDIT_THREAD_FORMAT,
  label: 'Reddit thread page JSON (/comments/<id>.json)',
  detect: detectRedditThread,
  parse: parseRedditThread,
};

export const redditDumpParser: FormatParser = {
  id: REDDIT_DUMP_FORMAT,
  label: 'Reddit dump NDJSON (Pushshift / Arctic Shift)',
  detect: detectRedditDump,
  parse: parseRedditDumpResult,
};

export const formatParsers: FormatParser[] = [
  // Zeeschuimer / 4CAT envelopes wrap other platforms' records: before those platforms' parsers.
  zeeschuimerParser,
  redditThreadParser,
  redditDumpParser,
  twitterArchiveParser,
  twitterV2Parser,
  twitterV1Parser,
  mastodonParser,
  blueskyParser,
  youtubeParser,
  // Tables: 4CAT's columns before any CSV; plain text is the last resort.
  fourcatCsvParser,
  csvParser,
  textParser,
];
