import type { CliIo } from './io';
import { loadEveryCommand } from './run';

// run.ts loads a command when it runs: loaded here, once per test file, before any test's clock starts.
await loadEveryCommand();

/** An in-memory CliIo that records what a command printed and wrote: text in `files`, bytes (XLSX, Parquet) in `bytes`. */
export function memoryIo(files: Record<string, string> = {}) {
  const store = new Map(Object.entries(files));
  const bytes = new Map<string, Uint8Array>();
  const out: string[] = [];
  const errors: string[] = [];
  const io: CliIo = {
    readFile: async (path) => {
      const text = store.get(path);
      if (text === undefined) throw Object.assign(new Error(`ENOENT: open '${path}'`), { code: 'ENOENT' });
      return text;
    },
    writeFile: async (path, data) => {
      if (path.startsWith('/readonly/')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
      if (typeof data === 'string') store.set(path, data);
      else bytes.set(path, data);
    },
    stdout: (text) => void out.push(text),
    stderr: (text) => void errors.push(text),
  };
  return { io, files: store, bytes, stdout: () => out.join(''), stderr: () => errors.join('') };
}
