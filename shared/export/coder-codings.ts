/**
 * One coder's layer of a bundle, for an export of just their codings (`threadmark export --coder`,
 * the app's export dialog): the consensus layer is exported this way like any coder.
 */
import type { Bundle } from '../bundle/bundle';
import type { Problem } from '../problem/problem';
import { err, ok, type Result } from '../util/result';

/** The bundle with only the codings of the coder named by id, else by name (trimmed, any case). */
export function coderCodings(bundle: Bundle, coder: string): Result<Bundle, Problem> {
  const wanted = coder.trim().toLowerCase();
  const found = bundle.coders.find((c) => c.id === coder) ?? bundle.coders.find((c) => c.name.trim().toLowerCase() === wanted);
  if (!found) return err({ record: 'coders', field: 'name', message: `no coder “${coder}” (coders: ${bundle.coders.map((c) => c.name).join(', ') || 'none'})` });
  return ok({ ...bundle, codings: bundle.codings.filter((c) => c.coderId === found.id), ...(bundle.relations ? { relations: bundle.relations.filter((r) => r.coderId === found.id) } : {}) });
}
