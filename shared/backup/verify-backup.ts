/**
 * A backup is verified before it counts (decisions/0012). Where it is made (the backup Worker):
 * the exported bundle is a Threadmark bundle holding the posts and codings its name states
 * (`checkBackupBundle`, on the object: no parse), and its gzip unzips to exactly the text
 * serialized from it (`checkUnzipped`). Where it is written: the bytes read back are the bytes
 * written (`checkReadBack`; the OPFS store), or, in main, unzipped they parse as a bundle with the
 * stated counts (`checkBackupText`: main only has the bytes). The full validation runs when a
 * backup is restored (`readBackupBundle`), before anything is written.
 */
import type { Bundle } from '../bundle/bundle';
import { BUNDLE_FORMAT } from '../bundle/bundle';
import { readBundleChunks } from '../bundle/read-bundle-stream';
import { parseBundleText } from '../bundle/validate';
import { formatProblem } from '../problem/problem';
import { err, ok, type Result } from '../util/result';
import type { BackupCounts } from './backup-name';

const countsProblem = (posts: number, codings: number, expected: BackupCounts): string | null =>
  posts === expected.posts && codings === expected.codings ? null : `the backup read back holds ${posts} posts and ${codings} codings, not ${expected.posts} and ${expected.codings}`;

/** The write check: whole JSON, a Threadmark bundle, the stated counts. */
export function checkBackupText(text: string, expected: BackupCounts): Result<void, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err(`the backup read back is not whole JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const b = json as { format?: unknown; posts?: unknown; codings?: unknown } | null;
  if (b === null || typeof b !== 'object' || b.format !== BUNDLE_FORMAT || !Array.isArray(b.posts) || !Array.isArray(b.codings)) {
    return err('the backup read back is not a Threadmark bundle');
  }
  const problem = countsProblem(b.posts.length, b.codings.length, expected);
  return problem ? err(problem) : ok(undefined);
}

/** The made check, on the exported object: a Threadmark bundle with the counts its name states. */
export function checkBackupBundle(bundle: { format?: unknown; posts?: unknown; codings?: unknown }, expected: BackupCounts): Result<void, string> {
  if (bundle.format !== BUNDLE_FORMAT || !Array.isArray(bundle.posts) || !Array.isArray(bundle.codings)) return err('the backup made is not a Threadmark bundle');
  const problem = countsProblem(bundle.posts.length, bundle.codings.length, expected);
  return problem ? err(problem) : ok(undefined);
}

/** The gzip check: the backup's bytes unzipped are exactly the text serialized (so they parse to the checked bundle). */
export function checkUnzipped(unzipped: string, serialized: string): Result<void, string> {
  if (unzipped.length !== serialized.length) return err(`the backup unzips to ${unzipped.length} characters, not the ${serialized.length} written`);
  return unzipped === serialized ? ok(undefined) : err('the backup does not unzip to the bundle written');
}

/**
 * `checkUnzipped` a piece at a time, for a bundle too big to be one string: the unzipped bytes
 * against the serialized ones, both given in chunks of any sizes.
 */
export async function checkUnzippedChunks(unzipped: AsyncIterable<Uint8Array>, serialized: Iterable<Uint8Array>): Promise<Result<void, string>> {
  const expected = serialized[Symbol.iterator]();
  let want: Uint8Array = new Uint8Array(0);
  let at = 0;
  let written = 0;
  let total = 0;
  let same = true;
  for await (const chunk of unzipped) {
    total += chunk.length;
    for (let i = 0; same && i < chunk.length; ) {
      if (at === want.length) {
        const next = expected.next();
        if (next.done) same = false;
        else [want, at, written] = [next.value, 0, written + next.value.length];
        continue;
      }
      const n = Math.min(chunk.length - i, want.length - at);
      for (let k = 0; k < n; k++) if (chunk[i + k] !== want[at + k]) same = false;
      i += n;
      at += n;
    }
  }
  for (let next = expected.next(); !next.done; next = expected.next()) written += next.value.length;
  if (written !== total) return err(`the backup unzips to ${total} bytes, not the ${written} written`);
  return same ? ok(undefined) : err('the backup does not unzip to the bundle written');
}

/** The write check: the bytes read back are the bytes written, byte for byte. */
export function checkReadBack(readBack: Uint8Array, written: Uint8Array): Result<void, string> {
  if (readBack.length !== written.length) return err(`the backup read back is ${readBack.length} bytes, not the ${written.length} written`);
  for (let i = 0; i < written.length; i++) if (readBack[i] !== written[i]) return err(`the backup read back differs from what was written at byte ${i}`);
  return ok(undefined);
}

/** `readBackupBundle` over the unzipped bytes in pieces (read record by record: no whole-file string). */
export async function readBackupChunks(chunks: AsyncIterable<Uint8Array>, expected: BackupCounts): Promise<Result<Bundle, string>> {
  const read = await readBundleChunks(chunks, null);
  if (!read.ok) return err(`the backup is not a valid bundle: ${read.error.slice(0, 3).map((p) => formatProblem(p)).join('; ')}`);
  const problem = countsProblem(read.value.posts.length, read.value.codings.length, expected);
  return problem ? err(problem) : ok(read.value);
}

/** The restore check: every rule of the format (validateBundle), and the stated counts. */
export function readBackupBundle(text: string, expected: BackupCounts): Result<Bundle, string> {
  const parsed = parseBundleText(text);
  if (!parsed.ok) return err(`the backup is not a valid bundle: ${parsed.error.slice(0, 3).map((p) => formatProblem(p)).join('; ')}`);
  const problem = countsProblem(parsed.value.posts.length, parsed.value.codings.length, expected);
  return problem ? err(problem) : ok(parsed.value);
}
