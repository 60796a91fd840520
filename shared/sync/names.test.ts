import { describe, expect, it } from 'vitest';
import { databaseKey, databaseName, projectKeyProblem, roleNames, userNameOf } from './names';

describe('team server names', () => {
  it('names each database of a project, a layer by its coder in hex', () => {
    expect(databaseName('metoo', { kind: 'corpus' })).toBe('tm-metoo-corpus');
    expect(databaseName('metoo', { kind: 'consensus' })).toBe('tm-metoo-consensus');
    expect(databaseName('metoo', { kind: 'layer', user: ' Alice ' })).toBe('tm-metoo-layer-616c696365');
    expect(databaseName('metoo', { kind: 'layer', user: 'Zoë' })).toBe('tm-metoo-layer-7a6fc3ab');
    expect(databaseName('metoo', { kind: 'layer', user: 'Zoë' })).toMatch(/^[a-z][a-z0-9_$()+/-]*$/);
  });

  it('ignores case in user names and keys', () => {
    expect(userNameOf(' Bob ')).toBe('bob');
    expect(databaseKey({ kind: 'layer', user: 'BOB' })).toBe('layer:bob');
    expect(roleNames('p1')).toEqual({ coder: 'tm-p1-coder', lead: 'tm-p1-lead' });
  });

  it('refuses project keys CouchDB would refuse', () => {
    expect(projectKeyProblem('metoo-2026')).toBeNull();
    expect(projectKeyProblem('MeToo')).toMatch(/cannot name a team project/);
    expect(projectKeyProblem('1abc')).toMatch(/starting with a letter/);
  });
});
