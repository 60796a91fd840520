import type { Problem } from '../problem/problem';
import { codeNameKey, codeProblem, quoted } from '../codebook/codebook-problem';
import type { Code, CodeFields } from '../model/records';

const COLOR = /^#[0-9a-f]{6}$/i;
const SHORTCUT = /^[a-z0-9]$/;

/**
 * The editable fields as they are stored: trimmed text, no blank examples, lower-case colour and
 * key ("" is no key); fields given as undefined are left out.
 */
export function normalizeFields<T extends Partial<CodeFields>>(fields: T): T {
  const out = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
  for (const key of ['name', 'definition', 'inclusion', 'exclusion'] as const) {
    const value = out[key];
    if (typeof value === 'string') out[key] = value.trim() as T[typeof key];
  }
  if (out.examples) out.examples = out.examples.map((e) => e.trim()).filter((e) => e !== '');
  if (typeof out.color === 'string') out.color = out.color.toLowerCase();
  if (typeof out.shortcut === 'string') out.shortcut = out.shortcut.toLowerCase();
  if (out.shortcut === '') out.shortcut = null;
  return out;
}

/**
 * The first rule a code breaks in the codebook it is part of (`codes` includes it as it will be):
 * a name that is not empty and unique among its siblings (ignoring case), a "#rrggbb" colour, a
 * parent that exists without a loop, a shortcut of one a–z/0–9 key no other code has, and no
 * codings on a category-only code. Given the code as it was (`previous`), only what changes is
 * checked, so an old flaw elsewhere (two siblings of one name from an import) never blocks
 * reordering them.
 */
export function codeRuleProblem(code: Code, codes: readonly Code[], codingCount: number, previous: Code | null = null): Problem | undefined {
  const changed = (...fields: Array<keyof Code>): boolean => previous === null || fields.some((f) => !sameValue(previous[f], code[f]));
  if (changed('name') && code.name.trim() === '') return codeProblem(code, 'name', 'a code needs a name');
  const index = indexOf(codes);
  const clash = changed('name', 'parentId') ? index.siblings.get(siblingKey(code.parentId, code.name.trim()))?.find((c) => c.id !== code.id) : undefined;
  if (clash) {
    const parent = code.parentId === null ? undefined : index.byId.get(code.parentId);
    const where = parent ? `under ${quoted(parent.name)}` : 'at the top level';
    return codeProblem(code, 'name', `a code named ${quoted(clash.name)} already exists ${where}`);
  }
  if (changed('color') && !COLOR.test(code.color)) return codeProblem(code, 'color', `colour "${code.color}" is not of the form #rrggbb`);
  const parentProblem = changed('parentId') ? checkParent(code, index.byId) : undefined;
  if (parentProblem) return parentProblem;
  if (changed('shortcut') && code.shortcut !== null) {
    if (!SHORTCUT.test(code.shortcut)) return codeProblem(code, 'shortcut', `"${code.shortcut}" is not a single key a–z or 0–9`);
    const other = codes.find((c) => c.id !== code.id && c.shortcut === code.shortcut);
    if (other) return codeProblem(code, 'shortcut', `key "${code.shortcut}" is already the shortcut of ${quoted(other.name)}`);
  }
  if (changed('codable') && !code.codable && codingCount > 0) {
    return codeProblem(code, 'codable', `cannot be category-only: ${codingCount} ${codingCount === 1 ? 'coding uses' : 'codings use'} it (merge or move them first)`);
  }
  return undefined;
}

function checkParent(code: Code, byId: ReadonlyMap<string, Code>): Problem | undefined {
  const seen = new Set([code.id]);
  for (let parentId = code.parentId; parentId !== null; ) {
    const parent = byId.get(parentId);
    if (!parent) return codeProblem(code, 'parentId', `its parent code ${parentId} does not exist`);
    if (seen.has(parent.id)) return codeProblem(code, 'parentId', `it would be its own ancestor (through ${quoted(parent.name)})`);
    seen.add(parent.id);
    parentId = parent.parentId;
  }
  return undefined;
}

const sameValue = (a: unknown, b: unknown): boolean => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b);

interface CodeIndex {
  byId: Map<string, Code>;
  /** Codes by parent and name key: who a name would clash with. */
  siblings: Map<string, Code[]>;
}

// A change-set checks each of its codes against the same list: one index per list, so importing
// thousands of codes is linear rather than a scan of the codebook per code.
const indexes = new WeakMap<readonly Code[], CodeIndex>();

function indexOf(codes: readonly Code[]): CodeIndex {
  let index = indexes.get(codes);
  if (index) return index;
  index = { byId: new Map(), siblings: new Map() };
  for (const c of codes) {
    index.byId.set(c.id, c);
    const key = siblingKey(c.parentId, c.name);
    const list = index.siblings.get(key);
    if (list) list.push(c);
    else index.siblings.set(key, [c]);
  }
  indexes.set(codes, index);
  return index;
}

const siblingKey = (parentId: string | null, name: string): string => `${parentId ?? ''}\u0000${codeNameKey(name)}`;
