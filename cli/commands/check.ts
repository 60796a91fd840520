/**
 * `threadmark check <bundle> [--json] [--repair -o <out.threadmark.json>]`
 * The integrity check the app's Help → Check project integrity… runs (shared/project/queries/
 * integrity.ts), on a bundle file, even one validate refuses for broken references. --repair writes
 * the repaired project (the core's integrity.repair, journaled) to ANOTHER file: the bundle checked
 * stays as it was, the backup taken before the repair.
 */
import { resolve } from 'node:path';

import { formatProblem } from '@shared/problem/problem';
import { openBundleLeniently } from '@shared/project/lenient-bundle-store';
import { repairIntegrity } from '@shared/project/operations/integrity-repair';
import { describeFindings, integrityReport } from '@shared/project/queries/integrity';
import { runOperation } from '@shared/project/run-operation';
import { parseBundleText } from '@shared/bundle/validate';
import { randomIds, systemClock, type Clock, type IdSource } from '@shared/util/clock';

import { parseArgs } from '../args';
import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { cliActor, cliBundleHead, saveFailureLines, saveProjectFile } from '../project/bundle-file';
import { usageError } from '../usage-error';

export interface CheckDeps {
  clock: Clock;
  ids: IdSource;
}

export async function checkCommand(args: readonly string[], io: CliIo, deps: CheckDeps = { clock: systemClock, ids: randomIds }): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'json', takesValue: false },
    { name: 'repair', takesValue: false },
    { name: 'output', short: 'o', takesValue: true },
  ]);
  if (!parsed.ok) return usageError('check', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, ...extra] = positionals;
  if (path === undefined) return usageError('check', 'missing <bundle>', io);
  if (extra.length > 0) return usageError('check', `unexpected argument ${extra[0]}`, io);
  const repair = options.has('repair');
  const output = options.get('output');
  if (repair && (typeof output !== 'string' || output === '-')) return usageError('check', '--repair needs -o <repaired.threadmark.json>', io);
  if (!repair && output !== undefined) return usageError('check', '-o is only for --repair', io);
  if (repair && resolve(String(output)) === resolve(path)) return usageError('check', '-o must be another file: the bundle checked stays as the backup taken before the repair', io);
  const json = options.has('json');
  const fail = (lines: readonly string[]): number => {
    io.stderr(lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  };

  let text: string;
  try {
    text = await io.readFile(path);
  } catch (e) {
    return fail([`threadmark: cannot read ${path}: ${describeFileError(e)}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    const syntax = parseBundleText(text);
    return fail(syntax.ok ? [`${path}: not valid JSON`] : syntax.error.map((p) => `${path}: ${formatProblem(p)}`));
  }
  const opened = openBundleLeniently(raw);
  if (!opened.ok) return fail(opened.error.map((p) => `${path}: ${formatProblem(p)}`));
  const { store, unreadable } = opened.value;
  const report = await store.read((reader) => integrityReport(reader));

  if (json) {
    io.stdout(`${JSON.stringify({ ok: report.findings.length === 0 && unreadable.length === 0, checked: report.checked, findings: report.findings, unreadable }, null, 2)}\n`);
  } else {
    for (const p of unreadable) io.stdout(`${path}: unreadable, left out of the check: ${formatProblem(p)}\n`);
    for (const f of report.findings) io.stdout(`${path}: ${f.record}: ${f.message} (repair: ${REPAIR_TEXT[f.repair]})\n`);
    const { codes, codings, posts } = report.checked;
    const summary = report.findings.length === 0 ? 'no problems' : describeFindings(report.findings).join(', ');
    io.stdout(`checked ${codings} codings, ${codes} codes, ${posts} coded posts: ${summary}\n`);
  }
  if (!repair) return report.findings.length === 0 && unreadable.length === 0 ? EXIT_OK : EXIT_FAILED;

  const actor = cliActor({ coders: await store.read((r) => r.coders()) });
  const result = await runOperation(store, repairIntegrity, {}, { clock: deps.clock, ids: deps.ids, actor });
  if (!result.ok) return fail([`${path}: ${formatProblem(result.error)}`, 'threadmark: nothing written']);
  const saved = await saveProjectFile(store, String(output), io, cliBundleHead(deps.clock));
  if (!saved.ok) return fail(saveFailureLines(String(output), saved.error));
  (json ? io.stderr : io.stdout)(`${result.value.summary}\nwrote ${String(output)}\n`);
  return EXIT_OK;
}

const REPAIR_TEXT = {
  'remove-coding': 'remove the coding',
  'move-code-to-top': 'move the code to the top level',
  'fix-thread': 'file it under its post’s thread',
  'fix-quote': 'take the quote from the text',
  'drop-exemplar': 'drop the missing exemplar',
} as const;
