import type { Coder } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';

/**
 * "Ada,ben" → coder ids: each an id, else a name (trimmed, any case), as `--coder` reads
 * everywhere. An unknown name is a Problem naming it and the coders there are.
 */
export function resolveCoders(coders: readonly Coder[], list: string): Result<string[], Problem> {
  const ids: string[] = [];
  for (const wanted of list.split(',').map((s) => s.trim())) {
    if (wanted === '') continue;
    const key = wanted.toLowerCase();
    const coder = coders.find((c) => c.id === wanted) ?? coders.find((c) => c.name.trim().toLowerCase() === key);
    if (!coder) return err({ field: 'coder', message: `no coder is named "${wanted}" (coders: ${coders.map((c) => c.name).join(', ') || 'none'})` });
    if (!ids.includes(coder.id)) ids.push(coder.id);
  }
  if (ids.length === 0) return err({ field: 'coder', message: '--coder needs a coder name or id' });
  return ok(ids);
}
