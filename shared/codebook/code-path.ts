import type { Code } from '../model/records';

/** Separator between levels of a code path, as researchers read it in exports. */
export const CODE_PATH_SEPARATOR = ' > ';

// A fixed locale keeps the order identical on every machine (exports sort by it).
const collator = new Intl.Collator('en', { numeric: true });

/** "Grandparent > Parent > Child". Unknown id → ''. A parent cycle stops the walk at the repeat. */
export function codePath(codes: ReadonlyMap<string, Code> | readonly Code[], codeId: string): string {
  const byId = isMap(codes) ? codes : mapOf(codes);
  const names: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(codeId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.push(current.name);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return names.reverse().join(CODE_PATH_SEPARATOR);
}

/** Siblings ascend by `order`, then by name, then by id so ties still sort the same everywhere. */
export function compareSiblings(a: Code, b: Code): number {
  return a.order - b.order || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Codes in depth-first tree order. Codes whose parent is unknown are shown as roots; codes caught in
 * a parent cycle (which validation rejects) are still listed once, as roots, so nothing disappears.
 */
export function sortCodesAsTree(codes: readonly Code[]): Array<{ code: Code; depth: number }> {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, Code[]>();
  for (const code of codes) {
    const parent = code.parentId !== null && ids.has(code.parentId) && code.parentId !== code.id ? code.parentId : null;
    const list = children.get(parent);
    if (list) list.push(code);
    else children.set(parent, [code]);
  }
  for (const list of children.values()) list.sort(compareSiblings);

  const out: Array<{ code: Code; depth: number }> = [];
  const visited = new Set<Code>();
  const visit = (root: Code): void => {
    // Iterative so a deep (or hostile) codebook cannot overflow the stack.
    const stack: Array<{ code: Code; depth: number }> = [{ code: root, depth: 0 }];
    while (stack.length > 0) {
      const item = stack.pop()!;
      if (visited.has(item.code)) continue;
      visited.add(item.code);
      out.push(item);
      const kids = children.get(item.code.id) ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ code: kids[i]!, depth: item.depth + 1 });
    }
  };
  for (const root of children.get(null) ?? []) visit(root);
  if (visited.size < codes.length) {
    for (const code of [...codes].sort(compareSiblings)) if (!visited.has(code)) visit(code);
  }
  return out;
}

// Callers pass the same array for every code of an export or report: one map per array, not one
// per call, or a report over n codes costs n². Rebuilt when the array's length changed (pushed to).
const maps = new WeakMap<readonly Code[], { length: number; map: ReadonlyMap<string, Code> }>();

function mapOf(codes: readonly Code[]): ReadonlyMap<string, Code> {
  let cached = maps.get(codes);
  if (!cached || cached.length !== codes.length) {
    cached = { length: codes.length, map: new Map(codes.map((c) => [c.id, c])) };
    maps.set(codes, cached);
  }
  return cached.map;
}

function isMap(codes: ReadonlyMap<string, Code> | readonly Code[]): codes is ReadonlyMap<string, Code> {
  return !Array.isArray(codes);
}
