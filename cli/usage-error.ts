import { COMMAND_USAGE, USAGE } from './help';
import { EXIT_USAGE, type CliIo } from './io';

/** Prints the reason and the relevant usage on stderr; returns the usage exit code. */
export function usageError(command: string | null, reason: string, io: CliIo): number {
  const usage = (command !== null && COMMAND_USAGE[command]) || USAGE;
  io.stderr(`threadmark: ${reason}\n${usage}`);
  return EXIT_USAGE;
}
