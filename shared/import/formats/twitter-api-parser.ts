/**
 * X/Twitter API exports: v2 (responses, twarc2 JSON Lines, flattened tweets) and v1.1 (tweet
 * objects, search responses, JSON Lines). Two parsers so the preview names what it found; both
 * read either generation, so a file that mixes them (or a format chosen by hand) still imports.
 */
import type { FormatParser } from '../detect-format';
import { parseTwitterRecords } from './twitter-parse-records';
import { readJsonRecords } from './twitter-json-records';

const startsAsJson = (head: string): boolean => /^\s*[[{]/.test(head);
/**
 * GraphQL payloads collected in the browser (Zeeschuimer, 4CAT's X import) also carry `id_str`
 * and `conversation_id_str`, but their tweets sit under `legacy` with `rest_id` ids: another
 * importer reads them (docs/thread-formats.md, "Zeeschuimer and 4CAT NDJSON").
 */
const BROWSER_COLLECTED = /"(?:rest_id|__typename|source_platform)"\s*:/;
const V2_TWEET_FIELD = /"(?:conversation_id|edit_history_tweet_ids|author_id)"\s*:/;
const V2_CONTAINER = /"(?:data|__twarc|text)"\s*:/;
const V1_ID = /"id_str"\s*:/;
const V1_TWEET_FIELD = /"(?:full_text|text|in_reply_to_status_id_str|retweeted_status)"\s*:/;

function parseApi(format: string) {
  return (text: string, fileName: string) => {
    const records = readJsonRecords(text, fileName);
    return records.ok ? parseTwitterRecords(records.value, fileName, format) : records;
  };
}

export const twitterV2Parser: FormatParser = {
  id: 'twitter-v2',
  label: 'X/Twitter API v2 (JSON or twarc2 JSON Lines)',
  detect: (head) =>
    startsAsJson(head) && !BROWSER_COLLECTED.test(head) && !V1_ID.test(head) && V2_TWEET_FIELD.test(head) && V2_CONTAINER.test(head),
  parse: parseApi('twitter-v2'),
};

export const twitterV1Parser: FormatParser = {
  id: 'twitter-v1',
  label: 'X/Twitter API v1.1 (JSON or JSON Lines)',
  detect: (head) => startsAsJson(head) && !BROWSER_COLLECTED.test(head) && V1_ID.test(head) && V1_TWEET_FIELD.test(head),
  parse: parseApi('twitter-v1'),
};
