import { terminalSafe } from '@shared/text/terminal-safe';

import { importIoOf } from './import/import-io';
import { describeFileError, type CliIo } from './io';

const DATA = Symbol('stdout data');

type TerminalIo = CliIo & { [DATA]?: (text: string) => void };

/**
 * The io every command gets from `run`: what it prints is for a person, so names, quotes and
 * messages pass through `terminalSafe` (control and bidi characters shown as `\uXXXX`; JSON stays
 * the same JSON). Files are written untouched. Built over the import's io so that `threadmark
 * import` still streams through node:fs (import-io.ts recognizes the node io by identity).
 */
export function terminalIo(io: CliIo): CliIo {
  const safe: TerminalIo = {
    ...importIoOf(io),
    stdout: (text) => io.stdout(terminalSafe(text)),
    stderr: (text) => io.stderr(terminalSafe(text)),
    // An export sent to stdout (`-o -`) is data: exact when piped, neutralized on a terminal.
    [DATA]: (text) => io.stdout(io.stdoutIsTerminal === true ? terminalSafe(text) : text),
  };
  return safe;
}

/** Writes an export's bytes-as-text to stdout (`-o -`): see terminalIo. */
export function stdoutData(io: CliIo, text: string): void {
  const data = (io as TerminalIo)[DATA];
  if (data) data(text);
  else io.stdout(text);
}

/**
 * Writes an export to `output`: stdout for `-` (as data), else the file. Says why when the file
 * can't be written. Returns where it went, so the command can report what it wrote to a file.
 */
export async function writeExportText(io: CliIo, output: string, text: string): Promise<'stdout' | 'file' | 'failed'> {
  if (output === '-') {
    stdoutData(io, text);
    return 'stdout';
  }
  try {
    await io.writeFile(output, text);
    return 'file';
  } catch (e) {
    io.stderr(`threadmark: cannot write ${output}: ${describeFileError(e)}\n`);
    return 'failed';
  }
}
