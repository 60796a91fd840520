/**
 * What `threadmark table` and `threadmark cooccur` share: one <bundle> with their own options plus
 * --coder NAME[,NAME] and --json, the opened project, and the coders the table counts.
 * Each step returns the exit code instead of its value when it has already reported a problem.
 */
import { resolveCoders } from '@shared/analysis/tables/resolve-coders';
import { formatProblem } from '@shared/problem/problem';

import { parseArgs, type OptionSpec, type ParsedArgs } from '../args';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { openProjectFile, type OpenedProject } from '../project/bundle-file';
import { usageError } from '../usage-error';

export const NOTHING_COUNTED = 'No codings counted: the bundle has none (or none by these coders).';

export function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

export function coderNames(coders: ReadonlyArray<{ id: string; name: string }>, ids: readonly string[]): string {
  return ids.map((id) => coders.find((c) => c.id === id)?.name ?? id).join(', ');
}

export interface TableArgs {
  path: string;
  options: ParsedArgs['options'];
}

/** The command's own options, then --coder and --json; exactly one <bundle>. A usage error's exit code otherwise. */
export function parseTableArgs(command: string, args: readonly string[], own: readonly OptionSpec[], io: CliIo): TableArgs | number {
  const parsed = parseArgs(args, [...own, { name: 'coder', takesValue: true }, { name: 'json', takesValue: false }]);
  if (!parsed.ok) return usageError(command, parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, ...extra] = positionals;
  if (path === undefined) return usageError(command, 'missing <bundle>', io);
  if (extra.length > 0) return usageError(command, `unexpected argument ${extra[0]}`, io);
  return { path, options };
}

export interface TableProject {
  opened: OpenedProject;
  /** Spread into the table's options: the --coder ids, or nothing for every coder. */
  coderFilter: { coderIds?: string[] };
  /** `coders Ada, Ben` or `all coders`, for the heading. */
  who: string;
}

/** Opens the bundle and resolves --coder against its coders; reports a problem and returns EXIT_FAILED otherwise. */
export async function openTableProject({ path, options }: TableArgs, io: CliIo): Promise<TableProject | number> {
  const opened = await openProjectFile(path, io);
  if (!opened.ok) {
    io.stderr(opened.error.lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  }
  const coder = options.get('coder');
  if (typeof coder !== 'string') return { opened: opened.value, coderFilter: {}, who: 'all coders' };
  const coderIds = resolveCoders(opened.value.bundle.coders, coder);
  if (!coderIds.ok) {
    io.stderr(`threadmark: ${formatProblem(coderIds.error)}\n`);
    return EXIT_FAILED;
  }
  return { opened: opened.value, coderFilter: { coderIds: coderIds.value }, who: `coders ${coderNames(opened.value.bundle.coders, coderIds.value)}` };
}

/** The --json output: the value, pretty-printed. */
export function writeJson(io: CliIo, value: unknown): number {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  return EXIT_OK;
}
