/**
 * What separates two codebooks: the project's and an incoming file's, or two saved versions. Every
 * difference is one entry the researcher can take or leave (applyCodebookDiff), so a code that is
 * renamed, moved and redefined yields three entries.
 *
 * Decisions:
 * - Incoming codes are matched to current ones by GUID, else by full name path (exactly, then
 *   ignoring letter case and surrounding spaces); each code is matched at most once, in tree order,
 *   so of two codes sharing a path the first listed wins.
 * - "moved" means a different parent. A new position among the same siblings is not reported: every
 *   insertion renumbers siblings, and the order of a panel carries no meaning for coding.
 * - Text fields compare without line-ending and surrounding-space differences, colours without
 *   letter case (code-field-values.ts). `exemplarCodingIds` are project-local and never compared.
 */
import type { Code } from '../model/records';
import { codePath, sortCodesAsTree } from './code-path';
import { DIFFED_FIELDS, sameFieldValue, type DiffedField } from './code-field-values';

export type CodeMatchKind = 'id' | 'path' | 'path-ignoring-case';

interface EntryBase {
  /** Stable for the same two codebooks: what `taken` holds. */
  key: string;
  /** The code's name as the researcher knows it: the current one, or the incoming one if added. */
  name: string;
}

export interface AddedEntry extends EntryBase {
  kind: 'added';
  incomingId: string;
  /** The incoming code as the file has it (its parentId refers to an incoming code). */
  code: Code;
  path: string;
  /** The incoming parent's path; null at the top level. */
  parentPath: string | null;
}

export interface RemovedEntry extends EntryBase {
  kind: 'removed';
  currentId: string;
  code: Code;
  path: string;
  /** Current codes directly under it, which move up to its parent if the removal is taken. */
  childCount: number;
}

interface MatchedBase extends EntryBase {
  currentId: string;
  incomingId: string;
  oldPath: string;
  newPath: string;
}

export interface RenamedEntry extends MatchedBase {
  kind: 'renamed';
  before: string;
  after: string;
}

export interface MovedEntry extends MatchedBase {
  kind: 'moved';
  /** null: the top level. */
  oldParentPath: string | null;
  newParentPath: string | null;
}

/** One changed field; `before`/`after` are typed by `field`. */
export type ChangedEntry = {
  [F in DiffedField]: MatchedBase & { kind: 'changed'; field: F; before: Code[F]; after: Code[F] };
}[DiffedField];

export type CodebookDiffEntry = AddedEntry | RemovedEntry | RenamedEntry | MovedEntry | ChangedEntry;

export interface CodebookDiff {
  /** Per incoming code in incoming tree order (renamed, moved, changed…, or added), then removed codes in current tree order. */
  entries: CodebookDiffEntry[];
  /** incoming id → current id, for every matched incoming code. */
  matches: ReadonlyMap<string, string>;
  /** incoming id → how it was matched. */
  matchedBy: ReadonlyMap<string, CodeMatchKind>;
}

/**
 * Fields an incoming file does not say (a CSV without that column, a path level without a row of
 * its own), by incoming code id: never reported as changed, since the file has no value for them.
 */
export type UnknownFields = ReadonlyMap<string, readonly DiffedField[]>;

export function diffCodebooks(current: readonly Code[], incoming: readonly Code[], unknownFields: UnknownFields = new Map()): CodebookDiff {
  const currentById = new Map(current.map((c) => [c.id, c]));
  const incomingById = firstById(incoming);
  const currentTree = sortCodesAsTree(current).map((r) => r.code);
  const incomingTree = sortCodesAsTree(incoming).map((r) => r.code);
  const { matches, matchedBy } = matchCodes(currentTree, incomingTree, currentById, incomingById);

  const keys = new Set<string>();
  const uniqueKey = (key: string): string => {
    // Only a file with duplicate ids could repeat a key; the suffix keeps each entry takeable.
    let candidate = key;
    for (let n = 2; keys.has(candidate); n++) candidate = `${key}#${n}`;
    keys.add(candidate);
    return candidate;
  };
  const parentPathOf = (codes: ReadonlyMap<string, Code>, code: Code): string | null =>
    code.parentId !== null && code.parentId !== code.id && codes.has(code.parentId) ? codePath(codes, code.parentId) : null;

  const childCount = new Map<string, number>();
  for (const c of current) if (c.parentId !== null && c.parentId !== c.id) childCount.set(c.parentId, (childCount.get(c.parentId) ?? 0) + 1);

  const entries: CodebookDiffEntry[] = [];
  const matchedCurrent = new Set<string>();
  for (const inc of incomingTree) {
    const currentId = incomingById.get(inc.id) === inc ? matches.get(inc.id) : undefined;
    if (currentId === undefined) {
      entries.push({
        key: uniqueKey(`added:${inc.id}`),
        kind: 'added',
        name: inc.name,
        incomingId: inc.id,
        code: inc,
        path: codePath(incomingById, inc.id),
        parentPath: parentPathOf(incomingById, inc),
      });
      continue;
    }
    const cur = currentById.get(currentId)!;
    matchedCurrent.add(cur.id);
    const base = { name: cur.name, currentId: cur.id, incomingId: inc.id, oldPath: codePath(currentById, cur.id), newPath: codePath(incomingById, inc.id) };
    if (cur.name !== inc.name) entries.push({ ...base, key: uniqueKey(`renamed:${cur.id}`), kind: 'renamed', before: cur.name, after: inc.name });
    if (parentAsCurrent(inc, incomingById, matches) !== validParent(cur, currentById)) {
      entries.push({
        ...base,
        key: uniqueKey(`moved:${cur.id}`),
        kind: 'moved',
        oldParentPath: parentPathOf(currentById, cur),
        newParentPath: parentPathOf(incomingById, inc),
      });
    }
    const unknown = unknownFields.get(inc.id) ?? [];
    for (const field of DIFFED_FIELDS) {
      if (unknown.includes(field) || sameFieldValue(field, cur, inc)) continue;
      entries.push({ ...base, key: uniqueKey(`changed:${cur.id}:${field}`), kind: 'changed', field, before: cur[field], after: inc[field] } as ChangedEntry);
    }
  }
  for (const cur of currentTree) {
    if (matchedCurrent.has(cur.id)) continue;
    entries.push({
      key: uniqueKey(`removed:${cur.id}`),
      kind: 'removed',
      name: cur.name,
      currentId: cur.id,
      code: cur,
      path: codePath(currentById, cur.id),
      childCount: childCount.get(cur.id) ?? 0,
    });
  }
  return { entries, matches, matchedBy };
}

/**
 * GUID first for every code, then exact name paths, then relaxed ones, so a GUID match is never
 * taken away by a name that happens to match an earlier code.
 */
function matchCodes(
  currentTree: readonly Code[],
  incomingTree: readonly Code[],
  currentById: ReadonlyMap<string, Code>,
  incomingById: ReadonlyMap<string, Code>,
): { matches: Map<string, string>; matchedBy: Map<string, CodeMatchKind> } {
  const matches = new Map<string, string>();
  const matchedBy = new Map<string, CodeMatchKind>();
  const taken = new Set<string>();
  // A duplicate incoming id (an invalid file) is never matched: its later copies show as added.
  const candidates = incomingTree.filter((c) => incomingById.get(c.id) === c);
  const match = (incomingId: string, currentId: string, kind: CodeMatchKind): void => {
    matches.set(incomingId, currentId);
    matchedBy.set(incomingId, kind);
    taken.add(currentId);
  };

  for (const inc of candidates) if (currentById.has(inc.id)) match(inc.id, inc.id, 'id');

  const passes: Array<[CodeMatchKind, (name: string) => string]> = [
    ['path', (name) => name],
    ['path-ignoring-case', (name) => name.trim().toLowerCase()],
  ];
  for (const [kind, normalize] of passes) {
    const byPath = new Map<string, string>();
    for (const cur of currentTree) {
      const key = namePathKey(currentById, cur.id, normalize);
      if (!taken.has(cur.id) && !byPath.has(key)) byPath.set(key, cur.id);
    }
    for (const inc of candidates) {
      if (matches.has(inc.id)) continue;
      const key = namePathKey(incomingById, inc.id, normalize);
      const currentId = byPath.get(key);
      if (currentId === undefined || taken.has(currentId)) continue;
      match(inc.id, currentId, kind);
      byPath.delete(key);
    }
  }
  return { matches, matchedBy };
}

/** The names from the root down, joined with a character no name contains (" > " may be in one). */
function namePathKey(byId: ReadonlyMap<string, Code>, id: string, normalize: (name: string) => string): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let code = byId.get(id); code && !seen.has(code.id); code = code.parentId === null ? undefined : byId.get(code.parentId)) {
    seen.add(code.id);
    names.push(normalize(code.name));
  }
  return names.reverse().join('\u0000');
}

/** The current code the incoming code's parent stands for; '' for an added parent; null at the top level. */
function parentAsCurrent(inc: Code, incomingById: ReadonlyMap<string, Code>, matches: ReadonlyMap<string, string>): string | null {
  if (inc.parentId === null || inc.parentId === inc.id || !incomingById.has(inc.parentId)) return null;
  return matches.get(inc.parentId) ?? '';
}

/** A parent that is missing or the code itself reads as the top level, as in sortCodesAsTree. */
function validParent(code: Code, byId: ReadonlyMap<string, Code>): string | null {
  return code.parentId !== null && code.parentId !== code.id && byId.has(code.parentId) ? code.parentId : null;
}

function firstById(codes: readonly Code[]): Map<string, Code> {
  const byId = new Map<string, Code>();
  for (const code of codes) if (!byId.has(code.id)) byId.set(code.id, code);
  return byId;
}
