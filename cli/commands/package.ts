/**
 * `threadmark package <project> --coders A,B [--threads ID,...] [--sample N --seed S [--unit post|thread]
 *  [--stratify thread|platform]] [--name NAME] [--instructions TEXT] -o <dir>`
 * Starts a round in the project (the core's startRound: the posts, the coders, the pinned codebook
 * version) and writes one blind package per coder into <dir> (coderPackages). The packages are
 * written first and the project last, so a failed write leaves the project without the round.
 */
import { join } from 'node:path';

import { validateBundle } from '@shared/bundle/validate';
import type { Coder, SampleSpec } from '@shared/model/records';
import { formatProblem } from '@shared/problem/problem';
import { startRound, type RoundSelection } from '@shared/project/operations/rounds';
import { coderPackages } from '@shared/project/queries/coder-packages';
import { runOperation } from '@shared/project/run-operation';
import { randomIds, systemClock, type Clock, type IdSource } from '@shared/util/clock';

import { parseArgs } from '../args';
import { serializeBundleChunks } from '../import/bundle-chunks';
import { importIoOf } from '../import/import-io';
import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { cliBundleHead, openProjectFile, saveFailureLines, saveProjectFile } from '../project/bundle-file';
import { usageError } from '../usage-error';

export interface PackageDeps {
  clock: Clock;
  ids: IdSource;
}

const UNITS = ['post', 'thread'] as const;
const STRATA = ['thread', 'platform'] as const;

export async function packageCommand(args: readonly string[], io: CliIo, deps: PackageDeps = { clock: systemClock, ids: randomIds }): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'coders', takesValue: true },
    { name: 'threads', takesValue: true },
    { name: 'sample', takesValue: true },
    { name: 'seed', takesValue: true },
    { name: 'unit', takesValue: true },
    { name: 'stratify', takesValue: true },
    { name: 'name', takesValue: true },
    { name: 'instructions', takesValue: true },
    { name: 'output', short: 'o', takesValue: true },
    { name: 'identified', takesValue: false },
  ]);
  if (!parsed.ok) return usageError('package', parsed.error, io);
  const { positionals, options } = parsed.value;
  const text = (name: string): string | undefined => {
    const value = options.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const [path, ...extra] = positionals;
  const dir = text('output');
  if (path === undefined) return usageError('package', 'missing <project>', io);
  if (extra.length > 0) return usageError('package', `unexpected argument ${extra[0]}`, io);
  if (dir === undefined || dir === '-') return usageError('package', 'missing -o <dir> (the folder the coders’ packages are written to)', io);
  const coderNames = listOf(text('coders'));
  if (coderNames.length === 0) return usageError('package', 'missing --coders A,B (the coders of the round, by name)', io);
  const selection = selectionOf(text);
  if (typeof selection === 'string') return usageError('package', selection, io);

  const fail = (lines: readonly string[]): number => {
    io.stderr(lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  };
  const opened = await openProjectFile(path, io);
  if (!opened.ok) return fail(opened.error.lines);
  const { store, actor } = opened.value;
  const coders = await store.read((r) => r.coders());
  const coderIds: string[] = [];
  for (const name of coderNames) {
    const coder = findCoder(coders, name);
    if (!coder) return fail([`threadmark: ${path} has no coder “${name}” (its coders: ${coders.map((c) => c.name).join(', ') || 'none'})`]);
    coderIds.push(coder.id);
  }

  const input = { coderIds, selection, instructions: text('instructions') ?? '', ...(text('name') === undefined ? {} : { name: text('name') }) };
  const started = await runOperation(store, startRound, input, { clock: deps.clock, ids: deps.ids, actor });
  if (!started.ok) return fail([`${path}: ${formatProblem(started.error)}`, 'threadmark: nothing written']);
  const head = cliBundleHead(deps.clock);
  // Pseudonymised unless --identified (a bundle without a secret gives identified packages).
  const packages = await store.read((r) => coderPackages(r, started.value.result.id, head, { pseudonymize: !options.has('identified') }));
  if (!packages.ok) return fail([`${path}: ${formatProblem(packages.error)}`, 'threadmark: nothing written']);

  const lines = [started.value.summary];
  for (const pkg of packages.value) {
    const target = join(dir, pkg.fileName);
    const checked = validateBundle(pkg.bundle);
    if (!checked.ok) return fail([...checked.error.slice(0, 5).map((p) => `${target}: ${formatProblem(p)}`), 'threadmark: internal error: the package is not a valid bundle; the project is not changed']);
    try {
      await importIoOf(io).writeChunks(target, serializeBundleChunks(pkg.bundle));
    } catch (e) {
      return fail([`threadmark: cannot write ${target}: ${describeFileError(e)}`, `threadmark: ${path} is not changed (no round started)`]);
    }
    const posts = pkg.bundle.assignments?.[0]?.postIds.length ?? 0;
    lines.push(`wrote ${target} (${pkg.coderName}, ${posts} ${posts === 1 ? 'post' : 'posts'})`);
  }
  const saved = await saveProjectFile(store, path, io, head);
  if (!saved.ok) return fail(saveFailureLines(path, saved.error));
  lines.push(`wrote ${path}: journal entry #${started.value.entry?.seq ?? '?'}`);
  io.stdout(lines.map((l) => `${l}\n`).join(''));
  return EXIT_OK;
}

const listOf = (value: string | undefined): string[] => (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');

/** A coder by name (trimmed, any case), else by id. */
function findCoder(coders: readonly Coder[], wanted: string): Coder | undefined {
  const key = wanted.normalize('NFC').toLowerCase();
  return coders.find((c) => c.name.trim().normalize('NFC').toLowerCase() === key) ?? coders.find((c) => c.id === wanted);
}

/** The round's posts from the options, or why they do not say. */
function selectionOf(text: (name: string) => string | undefined): RoundSelection | string {
  const threads = text('threads');
  const threadIds = listOf(threads);
  if (threads !== undefined && threadIds.length === 0) return '--threads needs thread ids, comma-separated';
  const sample = text('sample');
  const samplingOnly = ['seed', 'unit', 'stratify'].find((name) => text(name) !== undefined);
  if (sample === undefined) {
    if (samplingOnly) return `--${samplingOnly} is for --sample`;
    if (threads === undefined) return 'choose the posts: --threads ID,... or --sample N --seed S';
    return { kind: 'threads', threadIds };
  }
  const size = wholeNumber(sample);
  if (size === null || size < 1) return `--sample needs a number of posts or threads, 1 or more (got "${sample}")`;
  const seedText = text('seed');
  if (seedText === undefined) return '--sample needs --seed S (the same seed draws the same sample)';
  const seed = wholeNumber(seedText);
  if (seed === null) return `--seed needs a whole number (got "${seedText}")`;
  const unit = text('unit') ?? 'post';
  if (!(UNITS as readonly string[]).includes(unit)) return `unknown --unit "${unit}" (one of: ${UNITS.join(', ')})`;
  const stratify = text('stratify');
  if (stratify !== undefined && !(STRATA as readonly string[]).includes(stratify)) return `unknown --stratify "${stratify}" (one of: ${STRATA.join(', ')})`;
  const spec: SampleSpec = { unit: unit as SampleSpec['unit'], size, seed, stratifyBy: (stratify ?? null) as SampleSpec['stratifyBy'] };
  // With --threads, the sample is drawn from those threads only.
  return threads === undefined ? { kind: 'sample', spec } : { kind: 'sample', spec, threadIds };
}

function wholeNumber(text: string): number | null {
  if (!/^-?\d+$/.test(text.trim())) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}
