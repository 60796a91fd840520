/**
 * Text written straight to UTF-8 bytes, for a large file made of many small strings (a project.qde
 * has a line or more per coding). Holding every line until one join and one encode kept hundreds of
 * thousands of strings alive, and copying them from one young generation to the next was most of
 * the export's time; here each piece is encoded within a few kilobytes of being made, so it dies
 * young. The bytes are those of TextEncoder over the same text joined, as long as no piece ends
 * inside a surrogate pair (a batch may be encoded between two pieces).
 */

/** Pieces are gathered into one string up to this length, then encoded (one encode per batch, not per piece). */
const BATCH_CHARS = 1 << 16;
/** Bytes per chunk; a batch that might not fit starts a new one. */
const CHUNK_BYTES = 1 << 22;

export class Utf8Writer {
  private readonly encoder = new TextEncoder();
  private readonly full: Uint8Array[] = [];
  private chunk = new Uint8Array(0);
  private at = 0;
  private pending = '';
  private total = 0;

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= BATCH_CHARS) this.flush();
  }

  /** `text` and a line feed. */
  line(text: string): void {
    this.write(text);
    this.write('\n');
  }

  /** Every byte written, in one array; the writer is empty afterwards. */
  bytes(): Uint8Array {
    this.flush();
    const chunks = [...this.full, this.chunk.subarray(0, this.at)];
    const out = chunks.length === 1 ? chunks[0]! : new Uint8Array(this.total);
    if (chunks.length > 1) {
      let at = 0;
      for (const chunk of chunks) {
        out.set(chunk, at);
        at += chunk.length;
      }
    }
    this.full.length = 0;
    this.chunk = new Uint8Array(0);
    this.at = 0;
    this.total = 0;
    return out;
  }

  private flush(): void {
    const text = this.pending;
    if (text === '') return;
    this.pending = '';
    // A UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair, 2 units, is 4).
    if (this.at + text.length * 3 > this.chunk.length) {
      if (this.at > 0) this.full.push(this.chunk.subarray(0, this.at));
      this.chunk = new Uint8Array(Math.max(CHUNK_BYTES, text.length * 3));
      this.at = 0;
    }
    const { written } = this.encoder.encodeInto(text, this.chunk.subarray(this.at));
    this.at += written;
    this.total += written;
  }
}
