/**
 * One shortcut key applies one code. When a merge of codebooks would give a key to two codes, the
 * code that already had it keeps it and the other goes back to its previous shortcut (none for a
 * new code), so no code loses its key without being told.
 */
import type { Code } from '../model/records';

export interface ShortcutLoss {
  codeId: string;
  key: string;
  /** The code that keeps the key. */
  keptBy: string;
}

/**
 * `codes` in tree order (of two newcomers, the first listed keeps the key); `previous` holds codes
 * as they were before the merge. Returns the codes with conflicts resolved, unchanged ones as given.
 */
export function resolveShortcutConflicts(codes: readonly Code[], previous: ReadonlyMap<string, Code>): { codes: Code[]; losses: ShortcutLoss[] } {
  const list = [...codes];
  const losses: ShortcutLoss[] = [];
  const keeps = (i: number, key: string): boolean => previous.get(list[i]!.id)?.shortcut === key;
  // Each round sends at least one code back to its previous key, which it then always keeps: ends.
  for (let round = 0; round <= list.length; round++) {
    const holders = new Map<string, number[]>();
    list.forEach((code, i) => {
      if (code.shortcut) holders.set(code.shortcut, [...(holders.get(code.shortcut) ?? []), i]);
    });
    let changed = false;
    for (const [key, indices] of holders) {
      if (indices.length < 2) continue;
      const winner = indices.find((i) => keeps(i, key)) ?? indices[0]!;
      for (const i of indices) {
        if (i === winner || keeps(i, key)) continue;
        const code = list[i]!;
        list[i] = { ...code, shortcut: previous.get(code.id)?.shortcut ?? null };
        losses.push({ codeId: code.id, key, keptBy: list[winner]!.id });
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { codes: list, losses };
}
