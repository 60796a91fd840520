/**
 * A domain, as ATLAS.ti's semantic domains: the codable children of one parent code, taken as the
 * mutually exclusive values of one variable. "Codable" follows the codebook's convention that
 * codes with children are categories: a child that has children of its own is not a value.
 */
import { compareSiblings } from '../../codebook/code-path';
import type { Code } from '../../model/records';

/** The value codes of the domain under `parentId`, in codebook order; [] when it has none. */
export function domainValueCodes(codes: readonly Code[], parentId: string): Code[] {
  const parents = new Set(codes.map((c) => c.parentId));
  return codes.filter((c) => c.parentId === parentId && c.id !== parentId && !parents.has(c.id)).sort(compareSiblings);
}
