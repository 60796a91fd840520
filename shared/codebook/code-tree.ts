import type { Code } from '../model/records';

import { compareStrings } from '../project/record-order';

const bySiblingOrder = (a: Code, b: Code): number => a.order - b.order || compareStrings(a.id, b.id);

/**
 * Pre-order walk, siblings by `order` then id. Codes whose parent is missing count as roots, and
 * codes caught in a parent cycle come last, so no code is ever dropped from a list or an export.
 */
export function codesInTreeOrder(codes: readonly Code[]): Code[] {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, Code[]>();
  for (const code of codes) {
    const parent = code.parentId !== null && ids.has(code.parentId) ? code.parentId : null;
    const list = children.get(parent);
    if (list) list.push(code);
    else children.set(parent, [code]);
  }
  for (const list of children.values()) list.sort(bySiblingOrder);

  const out: Code[] = [];
  const seen = new Set<string>();
  // An explicit stack, not recursion: a bundle read before its depth is checked (or an old one)
  // must not overflow the call stack (a 10,000-deep tree did, as a RangeError in every export).
  const stack: Code[] = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const code = stack.pop()!;
    if (seen.has(code.id)) continue;
    seen.add(code.id);
    out.push(code);
    const kids = children.get(code.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  for (const code of [...codes].sort(bySiblingOrder)) {
    if (seen.has(code.id)) continue;
    seen.add(code.id);
    out.push(code);
  }
  return out;
}

/** The code and all codes below it (cycle-safe). */
export function subtreeIds(codes: readonly Code[], rootId: string): string[] {
  const childIds = new Map<string, string[]>();
  for (const code of codes) {
    if (code.parentId === null) continue;
    const list = childIds.get(code.parentId);
    if (list) list.push(code.id);
    else childIds.set(code.parentId, [code.id]);
  }
  const out = [rootId];
  const seen = new Set(out);
  // The array iterator also visits ids pushed during the walk: a breadth-first traversal.
  for (const parent of out) {
    for (const id of childIds.get(parent) ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}
