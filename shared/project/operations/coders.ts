/** Coders: the person at the keyboard joins the project under a name; names are unique (trimmed, any case). */
import type { Coder } from '../../model/records';
import { teamCoderId } from '../../sync/names';
import { err, ok } from '../../util/result';
import { defineOperation, unchanged } from '../operation';

const nameKey = (name: string): string => name.trim().normalize('NFC').toLowerCase();

/**
 * How a new coder's id is chosen. `team`: the project is connected to a team server, so a coder
 * added by name (by a lead, or by their own app) gets the team id of that name (docs/sync.md): the
 * lead's record and the coder's own are one document, never two records for one person.
 * `local` (the default): the id given, or a new one.
 */
export type CoderIdPolicy = 'team' | 'local';

/** Adds a coder by name, or returns the coder who already has that name (nothing written). */
export const addCoder = defineOperation<{ name: string; id?: string; idPolicy?: CoderIdPolicy }, { coders: Coder[] }, Coder>({
  kind: 'coders.add',
  async read(reader) {
    return { coders: await reader.coders() };
  },
  plan({ coders }, input, { ids }) {
    const name = input.name.trim();
    if (name === '') return err({ record: 'coder', field: 'name', message: 'a coder needs a name' });
    const team = input.idPolicy === 'team' ? teamCoderId(name) : null;
    // In a team project the id is the name's, so a record already under it is this person too.
    const same = coders.find((c) => nameKey(c.name) === nameKey(name) || c.id === team);
    if (same) return unchanged(`“${same.name}” is already a coder`, same);
    if (team !== null && input.id !== undefined && input.id !== team) {
      return err({ record: 'coder', field: 'id', message: `in a team project the coder “${name}” has the id “${team}”, not “${input.id}”` });
    }
    const coder: Coder = { id: team ?? input.id ?? ids.newId(), name };
    return ok({ summary: `Added coder “${name}”`, changes: { coders: [{ before: null, after: coder }] }, result: coder });
  },
});
