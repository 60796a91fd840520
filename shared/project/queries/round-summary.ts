/**
 * The convergence chart's numbers: per round, each code's Krippendorff α (nominal, the post as
 * unit) over the round's posts and coders. Computed from the project's agreement input restricted
 * to the round, by the very functions the Agreement view and `threadmark agree --unit post` use
 * (postUnitData, computeCoefficients), so the same round gives the same α everywhere.
 */
import { computeCoefficients } from '../../agreement/compute-coefficients';
import { selectCodes, type SelectedCode } from '../../agreement/units/code-selection';
import { codingLayers, type AgreementInput } from '../../agreement/units/coding-layers';
import { comparedPosts, postUnitData } from '../../agreement/units/post-unit';
import { codePath } from '../../codebook/code-path';
import type { Round } from '../../model/records';
import type { ProjectReader } from '../project-store';
import { agreementSource } from './agreement-input';

export interface RoundCodeAlpha {
  codeId: string;
  /** "Parent > Child", as the agreement report names it. */
  path: string;
  alpha: number | null;
  /** Why α is undefined (null), as the agreement report says it. */
  reason?: string;
}

export interface RoundSummary {
  roundId: string;
  number: number;
  name: string;
  coders: Array<{ id: string; name: string }>;
  /** Posts at least two of the round's coders rated: the units compared. */
  units: number;
  codes: RoundCodeAlpha[];
}

/** Every round, by number. */
export async function roundSummaries(reader: ProjectReader): Promise<RoundSummary[]> {
  const [rounds, source] = await Promise.all([reader.rounds(), agreementSource(reader)]);
  return [...rounds].sort((a, b) => a.number - b.number).map((round) => summarize(roundInput(source.input, round), round));
}

/** The project's agreement input cut to the round: its posts, its coders, their codings there. */
export function roundInput(input: AgreementInput, round: Round): AgreementInput {
  const posts = new Set(round.postIds);
  const coders = new Set(round.coderIds);
  return {
    posts: input.posts.filter((p) => posts.has(p.id)).map((p) => ({ ...p, ratedBy: (p.ratedBy ?? round.coderIds).filter((id) => coders.has(id)) })),
    codes: input.codes,
    coders: input.coders.filter((c) => coders.has(c.id)),
    codings: input.codings.filter((c) => coders.has(c.coderId) && posts.has(c.postId)),
  };
}

function summarize(input: AgreementInput, round: Round): RoundSummary {
  const coderIds = input.coders.map((c) => c.id);
  const layers = codingLayers(input);
  const codes = codesOf(input).map(({ id, path }): RoundCodeAlpha => {
    const report = computeCoefficients(postUnitData(input, id, coderIds, layers));
    const reason = report.undefined.alpha_nominal;
    return { codeId: id, path, alpha: report.alpha_nominal, ...(reason === undefined ? {} : { reason }) };
  });
  return { roundId: round.id, number: round.number, name: round.name, coders: input.coders, units: comparedPosts(input, coderIds).length, codes };
}

/** The agreement report's codes; when two share a path (which the report refuses), every code by id. */
function codesOf(input: AgreementInput): SelectedCode[] {
  const selected = selectCodes(input);
  if (selected.ok) return selected.value.codes;
  const byId = new Map(input.codes.map((c) => [c.id, c]));
  return input.codes.map((c) => ({ id: c.id, path: codePath(byId, c.id) }));
}
