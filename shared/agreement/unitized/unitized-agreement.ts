/**
 * Unitizing agreement from codings: one code (its units against the gaps, so uα and |uα coincide:
 * with a single value "any value" is that value) or one domain (its codable children as values).
 * The continuum is the posts all the given coders rated, in input order.
 */
import { codePath } from '../../codebook/code-path';
import { type AgreementInput, type CodingLayers, codingLayers } from '../units/coding-layers';
import { buildContinuum } from './continuum';
import { domainValueCodes } from './domains';
import { type UnitizingAlphas, unitizingAlphas } from './unitizing-alpha';

export function unitizedForCode(
  input: AgreementInput,
  codeId: string,
  coderIds: readonly string[],
  layers: CodingLayers = codingLayers(input),
): UnitizingAlphas {
  return unitizedForValues(input, [codeId], coderIds, layers);
}

/** uα, |uα and cuα over the domain under `parentId`; all null when it has no codable child. */
export function unitizedForDomain(
  input: AgreementInput,
  parentId: string,
  coderIds: readonly string[],
  layers: CodingLayers = codingLayers(input),
): UnitizingAlphas {
  const values = domainValueCodes(input.codes, parentId).map((c) => c.id);
  if (values.length === 0) return allUndefined(`"${codePath(input.codes, parentId)}" has no codable child codes`);
  return unitizedForValues(input, values, coderIds, layers);
}

/** Any list of codes taken as mutually exclusive values. */
export function unitizedForValues(
  input: AgreementInput,
  valueCodeIds: readonly string[],
  coderIds: readonly string[],
  layers: CodingLayers = codingLayers(input),
): UnitizingAlphas {
  const continuum = buildContinuum(input, layers, valueCodeIds, coderIds);
  if (!continuum.ok) {
    const { coderId, postId, values } = continuum.error;
    const coder = input.coders.find((c) => c.id === coderId)?.name ?? coderId;
    const [x, y] = values.map((v) => codePath(input.codes, valueCodeIds[v] ?? ''));
    // A partition into values needs each stretch of text to carry one value per coder; guessing
    // which of the two codings to keep would make up data.
    return allUndefined(`${coder} coded "${x}" and "${y}" over the same characters in post ${postId}: the values of a domain must not overlap`);
  }
  return unitizingAlphas(continuum.value, valueCodeIds.length);
}

function allUndefined(reason: string): UnitizingAlphas {
  return { u_alpha: null, u_alpha_binary: null, cu_alpha: null, undefined: { u_alpha: reason, u_alpha_binary: reason, cu_alpha: reason } };
}
