/**
 * What agreement on relations reads (shared/agreement/units/relation-unit.ts): the coders, the
 * relation codebook in order, every relation. The app reads it from its store; the CLI builds the
 * same from bundles (`relationInputOfBundles`), so both compute from the same records.
 */
import type { Bundle } from '../../bundle/bundle';
import type { RelationAgreementInput } from '../../agreement/units/relation-unit';
import type { ProjectReader } from '../project-store';
import { compareStrings } from '../record-order';
import { sortRelationCodes } from './relation-order';

export async function relationAgreementInput(reader: ProjectReader): Promise<RelationAgreementInput> {
  const [coders, codes, relations] = await Promise.all([reader.coders(), reader.relationCodes(), reader.relations()]);
  return shape(coders, codes, relations);
}

/** Several coders' bundles as one input: the first file's records first, later files add what is new (by id). */
export function relationInputOfBundles(bundles: readonly Bundle[]): RelationAgreementInput {
  const coders = new Map<string, { id: string; name: string }>();
  const codes = new Map<string, NonNullable<Bundle['relationCodes']>[number]>();
  const relations = new Map<string, NonNullable<Bundle['relations']>[number]>();
  for (const b of bundles) {
    for (const c of b.coders) if (!coders.has(c.id)) coders.set(c.id, c);
    for (const c of b.relationCodes ?? []) if (!codes.has(c.id)) codes.set(c.id, c);
    for (const r of b.relations ?? []) if (!relations.has(r.id)) relations.set(r.id, r);
  }
  return shape([...coders.values()], [...codes.values()], [...relations.values()]);
}

function shape(coders: ReadonlyArray<{ id: string; name: string }>, codes: Parameters<typeof sortRelationCodes>[0], relations: RelationAgreementInput['relations']): RelationAgreementInput {
  return {
    coders: [...coders].map((c) => ({ id: c.id, name: c.name })).sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id)),
    codes: sortRelationCodes([...codes]).map((c) => ({ id: c.id, name: c.name })),
    relations: relations.map((r) => ({ coderId: r.coderId, relationCodeId: r.relationCodeId, from: { postId: r.from.postId }, to: { postId: r.to.postId } })),
  };
}
