/** What a command may do to the outside world; tests pass an in-memory version. */
export interface CliIo {
  /** Reads a UTF-8 text file; rejects on a missing file or invalid UTF-8. */
  readFile(path: string): Promise<string>;
  /** Replaces the file atomically: readers see the old file or the whole new one, never a part. Text is written as UTF-8. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** Writes text as is (commands add their own line ends). */
  stdout(text: string): void;
  stderr(text: string): void;
  /** stdout is a terminal: an export sent there (`-o -`) is neutralized too (cli/terminal-io.ts). */
  stdoutIsTerminal?: boolean;
}

export const EXIT_OK = 0;
/** The input was bad or a file could not be read or written. */
export const EXIT_FAILED = 1;
/** The command line itself was wrong. */
export const EXIT_USAGE = 2;

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent of the path is not a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
};

/** A file error in a few words; Node's own message repeats the path we already print. */
export function describeFileError(e: unknown): string {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  return e instanceof Error ? e.message : String(e);
}
