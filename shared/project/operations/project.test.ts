import { describe, expect, it } from 'vitest';

import { MemoryProjectStore } from '../memory-store';
import { applied, counterIds, runner, smallProject, steppingClock } from '../testing/core-fixtures.test-helpers';
import { createProject, ensurePseudonymSecret, projectNameProblem, renameProject } from './project';
import { revertEntry } from './revert';

describe('createProject', () => {
  it('starts the record of an empty project, journaled; a second time is refused', async () => {
    const store = new MemoryProjectStore();
    const run = runner(store, steppingClock(), counterIds('n'));
    const done = applied(await run(createProject, { name: ' Pilot study ', id: 'p-new' }));
    expect(done.result).toEqual({ id: 'p-new', name: 'Pilot study', createdAt: '2025-01-02T00:00:01.000Z', pseudonymSecret: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(done.summary).toBe('Created the project “Pilot study”');
    expect(await store.read((r) => r.project())).toEqual({ ...done.result, updatedAt: '2025-01-02T00:00:01.000Z' });
    const again = await run(createProject, { name: 'Other' });
    expect(again.ok ? '' : again.error.message).toBe('this project already exists');
  });
});

describe('ensurePseudonymSecret', () => {
  it('gives a project without a secret one, journaled and undoable, and keeps it after', async () => {
    const store = smallProject();
    const run = runner(store);
    const made = applied(await run(ensurePseudonymSecret, {}));
    expect(made.result).toMatch(/^[0-9a-f]{64}$/);
    expect((await store.read((r) => r.project()))?.pseudonymSecret).toBe(made.result);
    const again = applied(await run(ensurePseudonymSecret, {}));
    expect(again.entry).toBeNull();
    expect(again.result).toBe(made.result);
  });
});

describe('renameProject', () => {
  it('renames the project record; undo gives the old name back', async () => {
    const store = smallProject();
    const run = runner(store);
    const done = applied(await run(renameProject, { name: 'Pilot study, wave 2' }));
    expect(done.summary).toBe('Renamed the project “Test” to “Pilot study, wave 2”');
    expect(await store.read((r) => r.project())).toMatchObject({ id: 'project-1', name: 'Pilot study, wave 2' });
    applied(await run(revertEntry, { entryId: done.entry!.id, verb: 'undo' }));
    expect(await store.read((r) => r.project())).toMatchObject({ id: 'project-1', name: 'Test' });
  });

  it('writes nothing for the same name and refuses a bad one', async () => {
    const store = smallProject();
    const run = runner(store);
    expect(applied(await run(renameProject, { name: ' Test ' })).entry).toBeNull();
    const refused = await run(renameProject, { name: '   ' });
    expect(refused.ok ? '' : `${refused.error.field}: ${refused.error.message}`).toBe('name: a project needs a name');
    expect(await store.read((r) => r.journal())).toEqual([]);
  });

  it('names a project that has no record yet', async () => {
    const store = new MemoryProjectStore();
    const done = applied(await runner(store, steppingClock(), counterIds('n'))(renameProject, { name: 'Imported threads' }));
    expect(done.summary).toBe('Named the project “Imported threads”');
    expect(await store.read((r) => r.project())).toMatchObject({ id: 'n-1', name: 'Imported threads' });
  });
});

describe('projectNameProblem', () => {
  it('wants one line of at most 200 characters', () => {
    expect(projectNameProblem('Pilot')).toBeUndefined();
    expect(projectNameProblem('')?.message).toBe('a project needs a name');
    expect(projectNameProblem('x'.repeat(201))?.message).toBe('a project name has at most 200 characters');
    expect(projectNameProblem('a\nb')?.message).toMatch(/one line/);
  });
});
