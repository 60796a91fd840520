/**
 * UTF-8 bytes arriving in chunks → string chunks, strictly: a bad byte is a problem naming its
 * offset in the file and its line, never a U+FFFD (docs/reliability.md, "Encodings and broken
 * text"). A character cut by a chunk boundary waits for the next chunk, so no string chunk ends
 * inside a surrogate pair (which csv-parse would otherwise re-encode as two U+FFFD).
 */
import type { Problem } from '../../problem/problem';
import { describeBytes, scanUtf8 } from '../utf8-scan';
import { err, ok, type Result } from '../../util/result';

export class Utf8ChunkDecoder {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private tail = new Uint8Array(0);
  /** File offset of the first byte of `tail` (or of the next chunk when tail is empty). */
  private offset: number;
  private line = 1;

  /** `startOffset`: bytes already skipped (a BOM), so offsets in messages are the file's. */
  constructor(
    private readonly fileName: string,
    startOffset = 0,
  ) {
    this.offset = startOffset;
  }

  push(chunk: Uint8Array): Result<string, Problem> {
    const bytes = this.tail.length === 0 ? chunk : concat(this.tail, chunk);
    const scan = scanUtf8(bytes);
    if (scan.kind === 'invalid') return err(this.problem(bytes, scan.offset, `byte ${describeBytes(bytes, scan.offset, 1)}`));
    const end = scan.kind === 'incomplete' ? scan.offset : bytes.length;
    const text = this.decoder.decode(bytes.subarray(0, end));
    this.countLines(bytes, end);
    this.offset += end;
    this.tail = bytes.slice(end);
    return ok(text);
  }

  /** After the last chunk: a character still cut off is an error. */
  end(): Result<null, Problem> {
    if (this.tail.length > 0) return err(this.problem(this.tail, 0, 'the file ends inside a character'));
    return ok(null);
  }

  private countLines(bytes: Uint8Array, end: number): void {
    for (let at = bytes.indexOf(0x0a); at !== -1 && at < end; at = bytes.indexOf(0x0a, at + 1)) this.line++;
  }

  private problem(bytes: Uint8Array, at: number, what: string): Problem {
    this.countLines(bytes, at);
    const offset = this.offset + at;
    return {
      file: this.fileName,
      line: this.line,
      message: `not valid UTF-8: ${what} at byte offset ${offset} (line ${this.line}). Save it as UTF-8 (or UTF-16 with a byte-order mark) and import it again.`,
    };
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
