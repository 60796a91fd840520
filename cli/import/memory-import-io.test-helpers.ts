import { readFileSync } from 'node:fs';

import type { ImportIo } from './import-io';

export const FIXTURES = `${process.cwd()}/shared/import/fixtures`;

/** A fixture's bytes, as the CLI would read them. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${FIXTURES}/${name}`));
}

/** An in-memory ImportIo: files are bytes; reads come in small chunks so line splitting is exercised. */
export function memoryImportIo(files: Record<string, Uint8Array | string> = {}, chunkSize = 7) {
  const store = new Map<string, Uint8Array>(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? new TextEncoder().encode(v) : v]));
  const out: string[] = [];
  const errors: string[] = [];
  const get = (path: string): Uint8Array => {
    const bytes = store.get(path);
    if (bytes === undefined) throw Object.assign(new Error(`ENOENT: open '${path}'`), { code: 'ENOENT' });
    return bytes;
  };
  const write = (path: string, data: string | Uint8Array): void => {
    if (path.startsWith('/readonly/')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    store.set(path, typeof data === 'string' ? new TextEncoder().encode(data) : data);
  };
  const io: ImportIo = {
    readFile: async (path) => new TextDecoder('utf-8', { fatal: true }).decode(get(path)),
    writeFile: async (path, data) => write(path, data),
    readBytes: async (path) => get(path),
    fileSize: async (path) => get(path).length,
    readHead: async (path, maxBytes) => get(path).subarray(0, maxBytes),
    async *readChunks(path, options) {
      const whole = get(path);
      const bytes = options?.range ? whole.subarray(options.range.from, options.range.to) : whole;
      for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.slice(at, at + chunkSize);
    },
    writeChunks: async (path, chunks) => write(path, [...chunks].join('')),
    stdout: (text) => void out.push(text),
    stderr: (text) => void errors.push(text),
  };
  const text = (path: string): string | undefined => {
    const bytes = store.get(path);
    return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  };
  return { io, files: store, text, stdout: () => out.join(''), stderr: () => errors.join('') };
}
