/**
 * The web-platform globals shared/ may use — and only as far as it uses them. shared/ compiles
 * with lib ES2023, no DOM lib and no @types/node (shared/tsconfig.json), so every name here is an
 * explicit decision: it must exist in browsers, Web Workers and Node ≥ 20 alike, and each shape is
 * a subset of the real one. The app and test programs get the full definitions from lib.dom or
 * @types/node instead; this file is part of the shared/ program only.
 *
 * @zip.js/zip.js's types name more DOM types (ReadableStream, Blob…) without a `reference lib`;
 * under skipLibCheck the ones not declared here are unresolved (any) in this program, which is the
 * least bad choice: shared/ only hands zip.js (the XLSX writer) a ReadableStream of sheet XML.
 */

/** TextDecoder (Encoding standard): strict UTF-8 / UTF-16LE decoding of import files. */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

/** TextEncoder: a string as UTF-8 bytes (byte sources made from text). */
declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
  /** Into `destination`; `read` UTF-16 units taken, `written` bytes (shared/text/utf8-writer.ts). */
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

/** URL: only the host of an account URL (Mastodon import). */
declare class URL {
  constructor(url: string, base?: string);
  readonly host: string;
}

/**
 * crypto.randomUUID() for record ids; crypto.subtle's PBKDF2 and AES-GCM for the passphrase-sealed
 * alias key (shared/privacy/alias-key.ts).
 */
declare const crypto: {
  randomUUID(): string;
  readonly subtle: {
    importKey(format: 'raw', keyData: Uint8Array<ArrayBuffer>, algorithm: 'PBKDF2', extractable: false, usages: ['deriveKey']): Promise<unknown>;
    deriveKey(
      algorithm: { name: 'PBKDF2'; salt: Uint8Array<ArrayBuffer>; iterations: number; hash: 'SHA-256' },
      baseKey: unknown,
      derivedKeyType: { name: 'AES-GCM'; length: 256 },
      extractable: false,
      usages: Array<'encrypt' | 'decrypt'>,
    ): Promise<unknown>;
    encrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array<ArrayBuffer> }, key: unknown, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
    decrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array<ArrayBuffer> }, key: unknown, data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  };
};

/** An abort signal: zip.js reads it; RPC calls listen for 'abort'. */
interface AbortSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

/** A WHATWG writable stream: what shared/zip feeds a (de)compressor through. */
declare class WritableStream<W = unknown> {
  constructor(sink?: { write?(chunk: W): void | PromiseLike<void>; close?(): void | PromiseLike<void> });
  getWriter(): WritableStreamDefaultWriter<W>;
}

interface WritableStreamDefaultWriter<W> {
  /** Settles when the stream wants more (backpressure). */
  readonly ready: Promise<void>;
  write(chunk: W): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}

/** A WHATWG readable stream: the XLSX writer pulls sheet XML into zip.js piece by piece; shared/zip reads (de)compressed bytes. */
declare class ReadableStream<R = unknown> {
  constructor(source?: { pull?(controller: { enqueue(chunk: R): void; close(): void }): void | PromiseLike<void> });
  getReader(): ReadableStreamDefaultReader<R>;
}

interface ReadableStreamDefaultReader<R> {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: R }>;
  cancel(reason?: unknown): Promise<void>;
}

/**
 * Raw DEFLATE (RFC 1951) by the platform (Compression Streams standard; Chromium ≥ 103 and Node ≥
 * 20.12 take 'deflate-raw'): shared/zip inflates and deflates .qdpx entries with them, natively.
 */
declare class CompressionStream {
  /** 'gzip' (RFC 1952) for its trailer's CRC-32 (shared/zip/gzip-member.ts). */
  constructor(format: 'deflate-raw' | 'gzip');
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
}

declare class DecompressionStream {
  constructor(format: 'deflate-raw');
  readonly readable: ReadableStream<Uint8Array>;
  readonly writable: WritableStream<Uint8Array>;
}
