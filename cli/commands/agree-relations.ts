/**
 * `threadmark agree <bundle...> --unit relation [--coders A,B] [--json]`: agreement on relations
 * between posts (shared/agreement/units/relation-unit.ts), from one project bundle holding several
 * coders' relations or from coders' bundles of the same project (posts match by id).
 */
import { relationAgreement, type RelationAgreement } from '@shared/agreement/units/relation-unit';
import type { Bundle } from '@shared/bundle/bundle';
import { relationInputOfBundles } from '@shared/project/queries/relation-agreement-input';

import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { loadBundle } from '../load-bundle';

export async function agreeRelationsCommand(paths: readonly string[], coderNames: readonly string[] | undefined, json: boolean, io: CliIo): Promise<number> {
  const bundles: Bundle[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    const loaded = await loadBundle(path, io);
    if (loaded.ok) bundles.push(loaded.value);
    else problems.push(...loaded.error.lines);
  }
  if (problems.length > 0) {
    io.stderr(problems.map((line) => `${line}\n`).join(''));
    return EXIT_FAILED;
  }
  const input = relationInputOfBundles(bundles);
  let coderIds: string[] | undefined;
  if (coderNames) {
    coderIds = [];
    for (const name of coderNames) {
      const found = input.coders.find((c) => c.id === name) ?? input.coders.find((c) => c.name.trim().toLowerCase() === name.toLowerCase());
      if (!found) {
        io.stderr(`threadmark: no coder “${name}” (coders: ${input.coders.map((c) => c.name).join(', ') || 'none'})\n`);
        return EXIT_FAILED;
      }
      coderIds.push(found.id);
    }
  }
  const result = relationAgreement(input, coderIds);
  if ('error' in result) {
    io.stderr(`threadmark: ${result.error}\n`);
    return EXIT_FAILED;
  }
  io.stdout(json ? `${JSON.stringify(result, null, 2)}\n` : relationReportText(result));
  return EXIT_OK;
}

const fixed = (x: number | null): string => (x === null ? '—' : x.toFixed(3));

/** The text report: the overall line, then one line per relation code. */
export function relationReportText(r: RelationAgreement): string {
  const lines = [
    `unit: relation (an ordered pair of posts; value: the relation code or none)`,
    `coders: ${r.coders.map((c) => c.name).join(', ')}`,
    `all relations: ${r.overall.units} units, alpha_nominal ${fixed(r.overall.alpha)}, F1 ${fixed(r.overall.f1)}, percent_agreement ${fixed(r.overall.percentAgreement)}`,
    ...r.perCode.map((c) => `${c.name}: ${c.units} units, alpha_nominal ${fixed(c.alpha)}${c.alphaReason ? ` (${c.alphaReason})` : ''}, F1 ${fixed(c.f1)}, relations ${c.byCoder.join(' / ')}`),
  ];
  return `${lines.join('\n')}\n`;
}
