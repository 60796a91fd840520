/**
 * Which codes, domains and coders a report covers, resolved from what the researcher typed: code
 * paths ("Parent > Child", or a bare name when only one code has it) and coder names.
 */
import { codePath, sortCodesAsTree } from '../../codebook/code-path';
import type { Code } from '../../model/records';
import { err, ok, type Result } from '../../util/result';
import { domainValueCodes } from '../unitized/domains';
import type { AgreementInput } from './coding-layers';

export interface SelectedCode {
  id: string;
  /** The report's key. */
  path: string;
}

export interface CodeSelection {
  codes: SelectedCode[];
  /** Parent codes whose codable children form a domain (unitized reports). */
  domains: SelectedCode[];
}

/**
 * With no paths: every code that can carry codings — leaves, plus categories someone actually
 * applied — in codebook order, and every parent with codable children as a domain. With paths:
 * exactly those codes, in the order given, and those of them that have codable children as domains.
 */
export function selectCodes(input: AgreementInput, paths?: readonly string[]): Result<CodeSelection, string> {
  const byId = new Map(input.codes.map((c) => [c.id, c]));
  const withPath = sortCodesAsTree(input.codes).map(({ code }) => ({ code, path: codePath(byId, code.id) }));
  let chosen: Array<{ code: Code; path: string }>;
  if (paths === undefined || paths.length === 0) {
    const parents = new Set(input.codes.map((c) => c.parentId));
    const applied = new Set(input.codings.map((c) => c.codeId));
    chosen = withPath.filter(({ code }) => !parents.has(code.id) || applied.has(code.id));
  } else {
    chosen = [];
    for (const wanted of paths) {
      const byPath = withPath.filter((c) => c.path === wanted);
      const matches = byPath.length > 0 ? byPath : withPath.filter((c) => c.code.name === wanted);
      if (matches.length === 0) return err(`Unknown code "${wanted}".`);
      if (matches.length > 1) return err(`"${wanted}" names ${matches.length} codes; give the full path ("Parent > Child").`);
      if (!chosen.some((c) => c.code.id === matches[0]!.code.id)) chosen.push(matches[0]!);
    }
  }
  const keys = new Set<string>();
  for (const { path } of chosen) {
    // Paths are the report's keys, so two codes with one path would overwrite each other.
    if (keys.has(path)) return err(`Two codes share the path "${path}"; rename one to compare them.`);
    keys.add(path);
  }
  const domainSource = paths === undefined || paths.length === 0 ? withPath : chosen;
  return ok({
    codes: chosen.map(({ code, path }) => ({ id: code.id, path })),
    domains: domainSource
      .filter(({ code }) => domainValueCodes(input.codes, code.id).length > 0)
      .map(({ code, path }) => ({ id: code.id, path })),
  });
}

/** Coders by name, in the order listed (all coders in input order when none are named); two or more. */
export function selectCoders(input: AgreementInput, names?: readonly string[]): Result<Array<{ id: string; name: string }>, string> {
  let chosen: Array<{ id: string; name: string }>;
  if (names === undefined || names.length === 0) {
    chosen = input.coders;
  } else {
    chosen = [];
    for (const name of names) {
      const coder = input.coders.find((c) => c.name === name);
      if (coder === undefined) return err(`Unknown coder "${name}". Coders: ${input.coders.map((c) => c.name).join(', ')}.`);
      if (chosen.includes(coder)) return err(`Coder "${name}" is listed twice.`);
      chosen.push(coder);
    }
  }
  if (chosen.length < 2) return err('Agreement needs at least two coders.');
  return ok(chosen);
}

/** Every pair of coders in list order, keyed "A|B" with A the first listed. */
export function coderPairs<T extends { name: string }>(coders: readonly T[]): Array<{ key: string; a: T; b: T }> {
  const pairs: Array<{ key: string; a: T; b: T }> = [];
  coders.forEach((a, i) => {
    for (const b of coders.slice(i + 1)) pairs.push({ key: `${a.name}|${b.name}`, a, b });
  });
  return pairs;
}
