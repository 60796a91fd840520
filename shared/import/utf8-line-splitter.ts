/**
 * Streams UTF-8 bytes into lines for NDJSON and CSV, so a big file is never one string
 * (docs/reliability.md, "Huge files"). Splitting happens on bytes: the LF byte never occurs inside
 * a multi-byte UTF-8 sequence, so a chunk boundary can fall anywhere, and each line's byte offset
 * is known exactly for error messages. CRLF and LF both end a line; a lone CR does not (it stays in
 * the line, and post text normalization turns it into LF later).
 */
import { err, ok, type Result } from '../util/result';
import type { Problem } from '../problem/problem';
import { describeBytes, scanUtf8 } from './utf8-scan';

export interface SplitLine {
  /** 1-based. */
  line: number;
  /** Offset in the file of the line's first byte. */
  byteOffset: number;
  /** Without the line ending (and without the BOM on line 1). */
  text: string;
}

/** A single NDJSON record or CSV row above this is almost surely not text (docs/reliability.md, "Huge files"). */
export const DEFAULT_MAX_LINE_BYTES = 10 * 1024 * 1024;

export class Utf8LineSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly maxLineBytes: number;
  /** Bytes of the current, unfinished line, as received. */
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private line = 1;
  /** Offset in the file of the current line's first byte. */
  private lineStart = 0;
  private failure: Problem | null = null;

  constructor(
    private readonly fileName: string,
    options: { maxLineBytes?: number } = {},
  ) {
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  /** The lines this chunk completes. After an error every later call returns the same error. */
  push(chunk: Uint8Array): Result<SplitLine[], Problem> {
    if (this.failure) return err(this.failure);
    const lines: SplitLine[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      const finished = this.finishLine(chunk.subarray(start, nl), nl + 1 - start);
      if (!finished.ok) return finished;
      lines.push(finished.value);
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      // Slack of 4 for a BOM and a CR that are not counted as line content.
      if (this.pendingBytes + rest.length > this.maxLineBytes + 4) return this.fail(this.tooLong());
      // Copied: the caller may reuse its buffer for the next chunk.
      this.pending.push(rest.slice());
      this.pendingBytes += rest.length;
    }
    return ok(lines);
  }

  /** The last line when the input does not end with a line break. */
  end(): Result<SplitLine[], Problem> {
    if (this.failure) return err(this.failure);
    if (this.pendingBytes === 0) return ok([]);
    const finished = this.finishLine(new Uint8Array(0), 0);
    return finished.ok ? ok([finished.value]) : finished;
  }

  /** `tail` is the current line's bytes in this chunk; `consumed` also counts its LF. */
  private finishLine(tail: Uint8Array, consumed: number): Result<SplitLine, Problem> {
    let bytes = tail;
    if (this.pendingBytes > 0) {
      bytes = new Uint8Array(this.pendingBytes + tail.length);
      let at = 0;
      for (const part of this.pending) {
        bytes.set(part, at);
        at += part.length;
      }
      bytes.set(tail, at);
    }
    const lineBytes = bytes.length + (consumed > tail.length ? 1 : 0);
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 0x0d && consumed > tail.length) end--;
    let begin = 0;
    if (this.line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) begin = 3;
    if (end - begin > this.maxLineBytes) return this.fail(this.tooLong());
    const body = bytes.subarray(begin, end);
    let text: string;
    try {
      text = this.decoder.decode(body);
    } catch {
      const scan = scanUtf8(body);
      const bad = scan.kind === 'valid' ? 0 : scan.offset;
      return this.fail(this.invalid(body, bad, this.lineStart + begin + bad, scan.kind === 'incomplete'));
    }
    const result: SplitLine = { line: this.line, byteOffset: this.lineStart, text };
    this.line++;
    this.lineStart += lineBytes;
    this.pending = [];
    this.pendingBytes = 0;
    return ok(result);
  }

  private tooLong(): Problem {
    const mb = Math.round(this.maxLineBytes / (1024 * 1024));
    return {
      file: this.fileName,
      line: this.line,
      message: `line ${this.line} (from byte offset ${this.lineStart}) is longer than ${mb} MB; a record this long is not text this importer can read`,
    };
  }

  private invalid(body: Uint8Array, bad: number, fileOffset: number, cutOff: boolean): Problem {
    const utf16 = this.line === 1 && bad === 0 && (body[0] === 0xff || body[0] === 0xfe);
    const what = cutOff ? 'the line ends inside a character' : `byte ${describeBytes(body, bad, 1)}`;
    return {
      file: this.fileName,
      line: this.line,
      message: utf16
        ? 'the file is UTF-16; this reader takes UTF-8 only. Save it as UTF-8 and import it again.'
        : `not valid UTF-8: ${what} at byte offset ${fileOffset} (line ${this.line}). Save it as UTF-8 (or UTF-16 with a byte-order mark) and import it again.`,
    };
  }

  private fail(problem: Problem): { ok: false; error: Problem } {
    this.failure = problem;
    this.pending = [];
    this.pendingBytes = 0;
    return err(problem);
  }
}
