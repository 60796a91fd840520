/**
 * Agreement on relations. A unit is an ordered pair of posts (source → target) that at least one
 * compared coder related; each coder's value is the relation code they gave that pair, or "none".
 * Pairs nobody related are no unit (every coder agrees on them, and there are n² of them), so α
 * and F1 measure agreement on the relations that were drawn. Spans are not compared: a relation
 * counts by its two posts, as the unit asks.
 *
 * Overall: Krippendorff's α (nominal) and percent agreement over the units (the existing engine,
 * compute-coefficients.ts), and F1 over (pair, code) triples, the mean over coder pairs. Per
 * relation code: α over the same units with the value "has this code" (1/0), and F1 likewise.
 */
import { computeCoefficients } from '../compute-coefficients';
import type { RatingValue, ReliabilityData } from '../reliability-data';

export const NO_RELATION = 'none';

export interface RelationAgreementInput {
  coders: ReadonlyArray<{ id: string; name: string }>;
  codes: ReadonlyArray<{ id: string; name: string }>;
  relations: ReadonlyArray<{ coderId: string; relationCodeId: string; from: { postId: string }; to: { postId: string } }>;
}

export interface RelationScore {
  /** Krippendorff's α (nominal), or null with its reason. */
  alpha: number | null;
  alphaReason?: string;
  /** Mean F1 over coder pairs, or null when no coder pair has a relation between them. */
  f1: number | null;
  /** Units this code was given to by at least one coder (overall: every unit). */
  units: number;
}

export interface RelationCodeScore extends RelationScore {
  relationCodeId: string;
  name: string;
  /** How many relations of this code each coder made, in `coders` order. */
  byCoder: number[];
}

export interface RelationAgreement {
  unit: 'relation';
  coders: Array<{ id: string; name: string }>;
  overall: RelationScore & { percentAgreement: number | null };
  perCode: RelationCodeScore[];
}

const pairKey = (from: string, to: string): string => `${from}\u0000${to}`;

/** Per coder id, per pair key, the codes they gave it. */
function codesByCoderAndPair(input: RelationAgreementInput, coderIds: ReadonlySet<string>): Map<string, Map<string, Set<string>>> {
  const out = new Map<string, Map<string, Set<string>>>();
  for (const r of input.relations) {
    if (!coderIds.has(r.coderId)) continue;
    let pairs = out.get(r.coderId);
    if (!pairs) out.set(r.coderId, (pairs = new Map()));
    const key = pairKey(r.from.postId, r.to.postId);
    let codes = pairs.get(key);
    if (!codes) pairs.set(key, (codes = new Set()));
    codes.add(r.relationCodeId);
  }
  return out;
}

/** The reliability data of relation units: one value per coder, the code (several joined by "+") or "none". */
export function relationUnitData(input: RelationAgreementInput, coderIds: readonly string[], codeId?: string): ReliabilityData {
  const given = codesByCoderAndPair(input, new Set(coderIds));
  const units = [...new Set([...given.values()].flatMap((pairs) => [...pairs].filter(([, codes]) => codeId === undefined || codes.has(codeId)).map(([key]) => key)))].sort();
  const values = units.map((key) =>
    coderIds.map((coderId): RatingValue => {
      const codes = given.get(coderId)?.get(key);
      if (codeId !== undefined) return codes?.has(codeId) ? 1 : 0;
      return codes && codes.size > 0 ? [...codes].sort().join('+') : NO_RELATION;
    }),
  );
  const names = new Map(input.coders.map((c) => [c.id, c.name]));
  return { units: units.map((k) => k.replace('\u0000', '→')), coders: coderIds.map((id) => names.get(id) ?? id), values };
}

/** Mean over coder pairs of F1 on (pair, code) triples (of one code when given). */
export function relationF1(input: RelationAgreementInput, coderIds: readonly string[], codeId?: string): number | null {
  const triples = coderIds.map((coderId) => {
    const set = new Set<string>();
    for (const r of input.relations) if (r.coderId === coderId && (codeId === undefined || r.relationCodeId === codeId)) set.add(`${pairKey(r.from.postId, r.to.postId)}\u0000${r.relationCodeId}`);
    return set;
  });
  const scores: number[] = [];
  for (let a = 0; a < triples.length; a++) {
    for (let b = a + 1; b < triples.length; b++) {
      const A = triples[a]!;
      const B = triples[b]!;
      if (A.size + B.size === 0) continue;
      let both = 0;
      for (const t of A) if (B.has(t)) both++;
      scores.push((2 * both) / (A.size + B.size));
    }
  }
  return scores.length === 0 ? null : scores.reduce((s, x) => s + x, 0) / scores.length;
}

function score(data: ReliabilityData, f1: number | null): RelationScore & { percentAgreement: number | null } {
  const report = computeCoefficients(data);
  const reason = report.undefined.alpha_nominal;
  return { alpha: report.alpha_nominal, ...(reason === undefined ? {} : { alphaReason: reason }), f1, units: data.units.length, percentAgreement: report.percent_agreement };
}

/**
 * Agreement on relations between `coderIds` (default: every coder with a relation), overall and
 * per relation code in the codebook's order. Needs two coders.
 */
export function relationAgreement(input: RelationAgreementInput, coderIds?: readonly string[]): RelationAgreement | { error: string } {
  const withRelations = new Set(input.relations.map((r) => r.coderId));
  const ids = coderIds ?? input.coders.filter((c) => withRelations.has(c.id)).map((c) => c.id);
  if (ids.length < 2) return { error: `agreement on relations needs two coders with relations (${ids.length === 0 ? 'none has any' : 'only one has'})` };
  const coders = ids.map((id) => ({ id, name: input.coders.find((c) => c.id === id)?.name ?? id }));
  const overall = score(relationUnitData(input, ids), relationF1(input, ids));
  const perCode = input.codes.map((code): RelationCodeScore => {
    const { percentAgreement, ...rest } = score(relationUnitData(input, ids, code.id), relationF1(input, ids, code.id));
    void percentAgreement;
    const byCoder = ids.map((id) => input.relations.filter((r) => r.coderId === id && r.relationCodeId === code.id).length);
    return { relationCodeId: code.id, name: code.name, ...rest, byCoder };
  });
  return { unit: 'relation', coders, overall, perCode };
}
