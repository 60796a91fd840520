/**
 * Bundle format version 1 → 2, on the parsed JSON before validation, so a v1 file gets exactly the
 * checks a v2 file gets. v1 codes had one `description`; v2 codes have the structured fields
 * (docs/formats.md), and v2 adds the codebook's change log and named versions.
 */
import { EMPTY_CODE_FIELDS } from '../model/records';

type Raw = Record<string, unknown>;

/** The same bundle as version 2. Values that are not what v1 expects are left for validation to report. */
export function migrateBundleV1(v1: Readonly<Raw>): Raw {
  const codes = Array.isArray(v1.codes) ? v1.codes.map(migrateCode) : v1.codes;
  return { ...v1, formatVersion: 2, codes, codebookChanges: [], codebookVersions: [] };
}

/** description → definition; every other structured field takes its empty default (fresh arrays). */
function migrateCode(code: unknown): unknown {
  if (typeof code !== 'object' || code === null || Array.isArray(code)) return code;
  const { description, ...rest } = code as Raw;
  const { inclusion, exclusion, shortcut, codable, retired } = EMPTY_CODE_FIELDS;
  return {
    ...rest,
    // A v1 code without a description stays without a definition, so validation reports it.
    ...(description === undefined ? {} : { definition: description }),
    inclusion,
    exclusion,
    examples: [],
    exemplarCodingIds: [],
    shortcut,
    codable,
    retired,
  };
}
