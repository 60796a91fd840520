/**
 * `threadmark import-annotations <project> <file> [--format F] [--coder NAME]
 *   [--unknown-codes refuse|skip|create] [--replace] -o <out>`
 * Another tool's annotations (W3C Web Annotation, doccano JSONL, Label Studio JSON) as coder
 * layers of this project: read (shared/exchange readers), placed on the stored posts, re-anchored
 * by quote where the positions disagree (every move and every span not placed is printed), then
 * added by the core's coders.add-layer as one journal entry, exactly as "Add coder files…" does.
 * A coder already in the project keeps their codings unless --replace; nothing is written when the
 * file or the project has a problem.
 */
import { detectAnnotationFile, readAnnotations } from '@shared/exchange/annotation-files';
import { planAnnotationLayer, UNKNOWN_CODE_CHOICES, type UnknownCodes } from '@shared/exchange/annotation-layer';
import { ANNOTATION_FORMATS, ANNOTATION_FORMAT_LABELS, isAnnotationFormat, type AnnotationFormat } from '@shared/exchange/exchange-annotation';
import { importReportLines } from '@shared/exchange/import-report-lines';
import { formatProblem } from '@shared/problem/problem';
import { addCoderLayer, previewCoderLayer } from '@shared/project/operations/coder-layer';
import { runOperation } from '@shared/project/run-operation';
import { randomIds, systemClock, type Clock, type IdSource } from '@shared/util/clock';

import { parseArgs } from '../args';
import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { cliBundleHead, openProjectFile, saveFailureLines, saveProjectFile } from '../project/bundle-file';
import { usageError } from '../usage-error';

export interface ImportAnnotationsDeps {
  clock: Clock;
  ids: IdSource;
}

const COMMAND = 'import-annotations';

export async function importAnnotationsCommand(args: readonly string[], io: CliIo, deps: ImportAnnotationsDeps = { clock: systemClock, ids: randomIds }): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'format', takesValue: true },
    { name: 'coder', takesValue: true },
    { name: 'unknown-codes', takesValue: true },
    { name: 'replace', takesValue: false },
    { name: 'output', short: 'o', takesValue: true },
  ]);
  if (!parsed.ok) return usageError(COMMAND, parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, file, ...extra] = positionals;
  const format = options.get('format');
  const coder = options.get('coder');
  const unknown = options.get('unknown-codes') ?? 'refuse';
  const output = options.get('output');
  if (path === undefined) return usageError(COMMAND, 'missing <project>', io);
  if (file === undefined) return usageError(COMMAND, 'missing <file> (the annotations to import)', io);
  if (extra.length > 0) return usageError(COMMAND, `unexpected argument ${extra[0]}`, io);
  if (format !== undefined && (typeof format !== 'string' || !isAnnotationFormat(format))) return usageError(COMMAND, `--format takes ${ANNOTATION_FORMATS.join(', ')}`, io);
  if (typeof unknown !== 'string' || !(UNKNOWN_CODE_CHOICES as readonly string[]).includes(unknown)) return usageError(COMMAND, `--unknown-codes takes ${UNKNOWN_CODE_CHOICES.join(', ')}`, io);
  if (coder === true || (typeof coder === 'string' && coder.trim() === '')) return usageError(COMMAND, '--coder needs a name', io);
  if (typeof output !== 'string' || output === '-') return usageError(COMMAND, 'missing -o <out.threadmark.json> (may be the project itself)', io);
  const fail = (lines: readonly string[]): number => {
    io.stderr(lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  };

  const opened = await openProjectFile(path, io);
  if (!opened.ok) return fail(opened.error.lines);
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (e) {
    return fail([`threadmark: cannot read ${file}: ${describeFileError(e)}`]);
  }
  const detected: AnnotationFormat | 'bundle' | null = typeof format === 'string' && isAnnotationFormat(format) ? format : detectAnnotationFile(file, text);
  if (detected === 'bundle') return fail([`${file}: a Threadmark project bundle, not an annotation file: add it with "Add coder files…" in the app, or compare it with threadmark agree`]);
  if (detected === null) return fail([`${file}: not an annotation file Threadmark knows (${ANNOTATION_FORMATS.join(', ')}): name it with --format`]);
  const read = readAnnotations(detected, text, file);
  if (!read.ok) return fail([...read.error.map(formatProblem), 'threadmark: nothing written']);
  if (coder === undefined && read.value.annotations.some((a) => a.coder === null)) {
    return usageError(COMMAND, `${file} does not say who coded it: name the coder with --coder NAME`, io);
  }

  const { store, bundle, actor } = opened.value;
  const planned = planAnnotationLayer(bundle, read.value, file, {
    coderName: typeof coder === 'string' ? coder : '',
    unknownCodes: unknown as UnknownCodes,
    ids: deps.ids,
    now: deps.clock.now(),
  });
  if (!planned.ok) return fail([...planned.error.map(formatProblem), 'threadmark: nothing written (--unknown-codes create adds the codes, skip leaves their codings out)']);
  const { incoming, report } = planned.value;
  const lines = [`${file}: ${ANNOTATION_FORMAT_LABELS[detected]}, ${report.read} ${report.read === 1 ? 'span' : 'spans'} read, ${report.placed} placed`, ...importReportLines(report).map((l) => `  ${l}`)];
  if (report.placed === 0) return fail([...lines, 'threadmark: nothing written (no annotation could be placed on a post of this project)']);

  const preview = await store.read((reader) => previewCoderLayer(reader, incoming, deps.ids));
  const present = preview.coders.filter((c) => !c.isNew);
  const replace = new Set(options.has('replace') ? present.map((c) => c.projectCoderId) : []);
  const added = await runOperation(store, addCoderLayer, { incoming, source: file, replace }, { clock: deps.clock, ids: deps.ids, actor });
  if (!added.ok) return fail([...lines, `${path}: ${formatProblem(added.error)}`, 'threadmark: nothing written']);
  const summary = added.value.result;
  for (const name of summary.keptCoders) lines.push(`  kept: ${name} is already in the project; nothing of theirs changed (--replace replaces their codings)`);
  const saved = await saveProjectFile(store, output, io, cliBundleHead(deps.clock));
  if (!saved.ok) return fail([...lines, ...saveFailureLines(output, saved.error)]);
  const entry = added.value.entry;
  const coders = preview.coders.filter((c) => c.isNew || replace.has(c.projectCoderId)).map((c) => c.name);
  lines.push(
    entry
      ? `wrote ${output}: ${summary.addedCodings} ${summary.addedCodings === 1 ? 'coding' : 'codings'} of ${coders.join(', ')}${summary.replacedCodings > 0 ? `, replacing ${summary.replacedCodings}` : ''}${summary.addedCodes > 0 ? `, ${summary.addedCodes} new codes` : ''}: journal entry #${entry.seq}`
      : `wrote ${output}: nothing changed`,
  );
  io.stdout(lines.map((l) => `${l}\n`).join(''));
  return EXIT_OK;
}
