import { describe, expect, it } from 'vitest';

import { MemoryProjectStore } from '../memory-store';
import { applied, runner } from '../testing/core-fixtures.test-helpers';
import { addCoder } from './coders';

const LEAD = { id: 'coder-lena', name: 'Lena' };
const coders = (store: MemoryProjectStore) => store.read((r) => r.coders());

describe('adding a coder by name', () => {
  it('in a team project gives the team id of the name, whatever its case and spacing', async () => {
    const store = new MemoryProjectStore();
    const added = applied(await runner(store)(addCoder, { name: '  Ada ', idPolicy: 'team' }, LEAD));
    expect(added.result).toEqual({ id: 'coder-ada', name: 'Ada' });
    expect((await coders(store)).map((c) => [c.id, c.name])).toEqual([['coder-ada', 'Ada']]);
  });

  it('outside a team project gives the id asked for, or a new one', async () => {
    const store = new MemoryProjectStore();
    const run = runner(store);
    expect(applied(await run(addCoder, { name: 'Ada', id: 'machine-7' }, LEAD)).result.id).toBe('machine-7');
    const ben = applied(await run(addCoder, { name: 'Ben' }, LEAD)).result.id;
    expect(ben).not.toBe('coder-ben');
    expect((await coders(store)).map((c) => c.id).sort()).toEqual(['machine-7', ben].sort());
  });

  it('reuses the coder of that name (any case), or of that team id, and writes nothing', async () => {
    const store = new MemoryProjectStore({ coders: [{ id: 'coder-ada', name: 'Ada' }, { id: 'old-random', name: 'Ben' }] });
    const run = runner(store);
    const again = applied(await run(addCoder, { name: 'ADA', idPolicy: 'team' }, LEAD));
    expect([again.result.id, again.entry]).toEqual(['coder-ada', null]);
    // A record from before the project was connected keeps its id: one Ben, not a second one under coder-ben.
    const ben = applied(await run(addCoder, { name: 'ben', idPolicy: 'team' }, LEAD));
    expect([ben.result.id, ben.entry]).toEqual(['old-random', null]);
    expect(await coders(store)).toHaveLength(2);
  });

  it('in a team project refuses another id for a new coder, and nothing is stored', async () => {
    const store = new MemoryProjectStore();
    const refused = await runner(store)(addCoder, { name: 'Ada', id: 'machine-7', idPolicy: 'team' }, LEAD);
    expect(refused.ok ? '' : refused.error).toMatchObject({ record: 'coder', field: 'id', message: 'in a team project the coder “Ada” has the id “coder-ada”, not “machine-7”' });
    expect(await coders(store)).toEqual([]);
  });
});
