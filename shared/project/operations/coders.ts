/** Coders: the person at the keyboard joins the project under a name; names are unique (trimmed, any case). */
import type { Coder } from '../../model/records';
import { err, ok } from '../../util/result';
import { defineOperation, unchanged } from '../operation';

const nameKey = (name: string): string => name.trim().normalize('NFC').toLowerCase();

/** Adds a coder by name, or returns the coder who already has that name (nothing written). */
export const addCoder = defineOperation<{ name: string; id?: string }, { coders: Coder[] }, Coder>({
  kind: 'coders.add',
  async read(reader) {
    return { coders: await reader.coders() };
  },
  plan({ coders }, input, { ids }) {
    const name = input.name.trim();
    if (name === '') return err({ record: 'coder', field: 'name', message: 'a coder needs a name' });
    const same = coders.find((c) => nameKey(c.name) === nameKey(name));
    if (same) return unchanged(`“${same.name}” is already a coder`, same);
    const coder: Coder = { id: input.id ?? ids.newId(), name };
    return ok({ summary: `Added coder “${name}”`, changes: { coders: [{ before: null, after: coder }] }, result: coder });
  },
});
