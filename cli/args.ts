/**
 * A small, strict argument parser: every option must be declared, so a typo is a usage error
 * instead of being silently ignored. Accepts `--name value`, `--name=value`, `-o value` and `--`.
 */
import type { Result } from '@shared/util/result';
import { err, ok } from '@shared/util/result';

export interface OptionSpec {
  /** Long name without dashes, e.g. "to". */
  name: string;
  short?: string;
  takesValue: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): Result<ParsedArgs, string> {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const spec = specs.find((s) => flag === `--${s.name}` || (s.short !== undefined && flag === `-${s.short}`));
    if (!spec) return err(`unknown option ${flag}`);
    if (options.has(spec.name)) return err(`option --${spec.name} given twice`);
    if (!spec.takesValue) {
      if (eq !== -1) return err(`option --${spec.name} takes no value`);
      options.set(spec.name, true);
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') return err(`option ${flag} needs a value`);
    options.set(spec.name, value);
  }
  return ok({ positionals, options });
}

/**
 * Pulls every `--name value` / `--name=value` out of argv, keeping the rest in order for
 * parseArgs. `valued` lists the other options that take a value, so `--coders --code` keeps
 * "--code" as the coders' value just as parseArgs would read it.
 */
export function takeRepeated(
  args: readonly string[],
  name: string,
  valued: readonly string[],
): { ok: true; values: string[]; rest: string[] } | { ok: false; error: string } {
  const values: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg === `--${name}` || arg.startsWith(`--${name}=`)) {
      const value = arg === `--${name}` ? args[++i] : arg.slice(name.length + 3);
      if (value === undefined || value === '') return { ok: false, error: `option --${name} needs a value` };
      values.push(value);
      continue;
    }
    rest.push(arg);
    if (valued.some((v) => arg === `--${v}`) && i + 1 < args.length) rest.push(args[++i]!);
  }
  return { ok: true, values, rest };
}
