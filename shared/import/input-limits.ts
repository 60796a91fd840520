/**
 * How big one record, line or file may be before a reader refuses it with a message naming the file
 * and line, instead of growing a buffer until the process dies (issue 14: a 600 MB CSV field was a V8
 * fatal error in the CLI and "Invalid array length" in the app). Listed in docs/formats.md, "Limits".
 */

/**
 * One CSV/TSV record (all its fields, quoted line breaks included), in characters. Platforms cap a
 * post at 40,000 (Reddit) to 125,000 (a LinkedIn article) characters; 1 Mi is eight times the
 * longest, and csv-parse reaches it in about a second (it reads a few MB a second, so a 600 MB
 * field ran a minute before the heap gave out).
 */
export const MAX_CSV_RECORD_CHARS = 1024 * 1024;

/**
 * A file parsed as one document (JSON thread files, a Twitter archive, a CSV whose header is not
 * in its first 64 KB): the most a JavaScript string can hold is about 512 M UTF-16 units, and the
 * parse needs several times that in memory. Larger files must come as NDJSON or CSV, read line by line.
 */
export const MAX_WHOLE_TEXT_BYTES = 512 * 1024 * 1024;

export { DEFAULT_MAX_LINE_BYTES as MAX_LINE_BYTES } from './utf8-line-splitter';

/** "600 MB" for messages (binary units, as file managers show sizes). */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}
