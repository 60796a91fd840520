/**
 * `threadmark consensus <bundle> --rule majority|coder:NAME [--round N] -o <bundle>`
 * Decides every disagreement without a confirmed decision by a rule (the core's
 * applyConsensusRule, one journal entry) and brings the consensus layer's agreed units up to date:
 * the written bundle's consensus coder holds the whole consensus, ready for
 * `threadmark export --to csv --coder consensus`. -o may be the bundle itself.
 */
import { CONSENSUS_CODER_ID } from '@shared/model/records';
import { applyConsensusRule, type ConsensusRule } from '@shared/project/operations/consensus';
import { runOperation } from '@shared/project/run-operation';
import { formatProblem } from '@shared/problem/problem';
import { randomIds, systemClock, type Clock, type IdSource } from '@shared/util/clock';

import { parseArgs } from '../args';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { cliBundleHead, openProjectFile, saveFailureLines, saveProjectFile } from '../project/bundle-file';
import { usageError } from '../usage-error';

export interface ConsensusDeps {
  clock: Clock;
  ids: IdSource;
}

export async function consensusCommand(args: readonly string[], io: CliIo, deps: ConsensusDeps = { clock: systemClock, ids: randomIds }): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'rule', takesValue: true },
    { name: 'round', takesValue: true },
    { name: 'output', short: 'o', takesValue: true },
  ]);
  if (!parsed.ok) return usageError('consensus', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, ...extra] = positionals;
  const ruleText = options.get('rule');
  const roundText = options.get('round');
  const output = options.get('output');
  if (path === undefined) return usageError('consensus', 'missing <bundle>', io);
  if (extra.length > 0) return usageError('consensus', `unexpected argument ${extra[0]}`, io);
  if (typeof ruleText !== 'string') return usageError('consensus', 'missing --rule majority|coder:NAME', io);
  const rule = parseRule(ruleText);
  if (rule === null) return usageError('consensus', `unknown rule "${ruleText}" (majority, or coder:NAME)`, io);
  if (roundText !== undefined && (typeof roundText !== 'string' || !/^[1-9]\d*$/.test(roundText))) return usageError('consensus', `--round takes a round number (1, 2, …), not "${String(roundText)}"`, io);
  if (typeof output !== 'string' || output === '-') return usageError('consensus', 'missing -o <bundle.threadmark.json> (may be the bundle itself)', io);
  const fail = (lines: readonly string[]): number => {
    io.stderr(lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  };

  const opened = await openProjectFile(path, io);
  if (!opened.ok) return fail(opened.error.lines);
  const { bundle, store, actor } = opened.value;
  let roundId: string | null = null;
  if (typeof roundText === 'string') {
    const round = (bundle.rounds ?? []).find((r) => r.number === Number(roundText));
    if (!round) return fail([`threadmark: ${path} has no round ${roundText} (rounds: ${(bundle.rounds ?? []).map((r) => r.number).join(', ') || 'none'})`]);
    roundId = round.id;
  }
  const result = await runOperation(store, applyConsensusRule, { rule, roundId }, { clock: deps.clock, ids: deps.ids, actor });
  if (!result.ok) return fail([`${path}: ${formatProblem(result.error)}`, 'threadmark: nothing written']);
  const saved = await saveProjectFile(store, output, io, cliBundleHead(deps.clock));
  if (!saved.ok) return fail(saveFailureLines(output, saved.error));
  const layer = saved.value.codings.filter((c) => c.coderId === CONSENSUS_CODER_ID).length;
  const entry = result.value.entry;
  io.stdout(`${result.value.summary}\nconsensus layer: ${layer} ${layer === 1 ? 'coding' : 'codings'}\nwrote ${output}${entry ? `: journal entry #${entry.seq}` : ' (nothing changed)'}\n`);
  return EXIT_OK;
}

function parseRule(text: string): ConsensusRule | null {
  if (text === 'majority') return { kind: 'majority' };
  const coder = /^coder:(.+)$/.exec(text)?.[1]?.trim();
  return coder ? { kind: 'coder', coderName: coder } : null;
}
