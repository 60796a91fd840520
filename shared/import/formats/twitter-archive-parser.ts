/**
 * The X/Twitter account archive's `data/tweets.js` (docs/thread-formats.md, "X/Twitter account
 * archive"): JavaScript, not JSON, `window.YTD.tweets.part0 = [ {"tweet": {…}}, … ]`. The
 * assignment is stripped and the array read as JSON; the file is never evaluated. Also read: older
 * archives' `tweet.js` (`window.YTD.tweet.part0`), continuation parts (`part1`…), and
 * `deleted-tweets.js`, whose posts are kept as tombstones with their text.
 */
import { err, ok } from '../../util/result';
import type { FormatParser } from '../detect-format';
import { parseTwitterRecords } from './twitter-parse-records';
import { readJsonRecords } from './twitter-json-records';

const ASSIGNMENT = /^\s*window\.YTD\.(tweets?|deleted_tweets)\.part\d+\s*=\s*/;

export const twitterArchiveParser: FormatParser = {
  id: 'twitter-archive',
  label: 'X/Twitter account archive (tweets.js)',
  detect: (head) => ASSIGNMENT.test(head),
  parse(text, fileName) {
    const assignment = ASSIGNMENT.exec(text);
    const body = assignment ? text.slice(assignment[0].length).replace(/;\s*$/, '') : '';
    if (!assignment || !body.startsWith('[')) {
      return err([{ file: fileName, message: 'not an archive tweets.js: expected "window.YTD.tweets.part0 = [" at the start' }]);
    }
    const records = readJsonRecords(body, fileName);
    if (!records.ok) return records;
    const parsed = parseTwitterRecords(records.value, fileName, 'twitter-archive');
    if (!parsed.ok) return parsed;

    const deletedFile = assignment[1] === 'deleted_tweets';
    const posts = deletedFile ? parsed.value.posts.map((post) => ({ ...post, deleted: true })) : parsed.value.posts;
    // The archive holds one account's posts but names the account only in account.js, so the
    // author cannot be filled in from this file; say so rather than leave it unexplained.
    const warnings =
      posts.length === 0
        ? []
        : [{ file: fileName, field: 'author', message: 'tweets.js does not name its account (account.js does): authors are left empty' }];
    return ok({ ...parsed.value, posts, warnings });
  },
};
