import { describe, expect, it } from 'vitest';
import { CONSENSUS_CODER_ID } from '../model/records';
import { databaseKey } from './names';
import { mayRead, mayWrite, readableDatabases, type SyncUser } from './permissions';

const alice: SyncUser = { name: 'alice', lead: false };
const lead: SyncUser = { name: 'Lena', lead: true };
const coders = [
  { id: 'c1', name: 'Alice' },
  { id: 'c2', name: ' bob ' },
  { id: CONSENSUS_CODER_ID, name: 'consensus' },
  { id: 'c3', name: 'Lena' },
];

describe('team server permissions', () => {
  it('lets a coder read the shared databases and only their own layer', () => {
    expect(mayRead(alice, { kind: 'corpus' })).toBe(true);
    expect(mayRead(alice, { kind: 'codebook' })).toBe(true);
    expect(mayRead(alice, { kind: 'layer', user: 'ALICE' })).toBe(true);
    expect(mayRead(alice, { kind: 'layer', user: 'bob' })).toBe(false);
    expect(mayRead(alice, { kind: 'consensus' })).toBe(false);
  });

  it('lets a coder write only their own layer', () => {
    expect(mayWrite(alice, { kind: 'layer', user: ' Alice' })).toBe(true);
    expect(mayWrite(alice, { kind: 'layer', user: 'bob' })).toBe(false);
    expect(mayWrite(alice, { kind: 'corpus' })).toBe(false);
    expect(mayWrite(alice, { kind: 'codebook' })).toBe(false);
    expect(mayWrite(alice, { kind: 'consensus' })).toBe(false);
  });

  it('lets a lead read and write everything', () => {
    for (const db of [{ kind: 'corpus' }, { kind: 'codebook' }, { kind: 'consensus' }, { kind: 'layer', user: 'bob' }] as const) {
      expect(mayRead(lead, db)).toBe(true);
      expect(mayWrite(lead, db)).toBe(true);
    }
  });

  it('lists what each user pulls: a coder their own layer, a lead every layer and the consensus', () => {
    expect(readableDatabases(alice, coders).map(databaseKey)).toEqual(['corpus', 'codebook', 'layer:alice']);
    expect(readableDatabases(lead, coders).map(databaseKey)).toEqual(['corpus', 'codebook', 'layer:alice', 'layer:bob', 'layer:lena', 'consensus']);
    expect(readableDatabases({ name: 'Newcomer', lead: false }, []).map(databaseKey)).toEqual(['corpus', 'codebook', 'layer:newcomer']);
  });
});

describe('a coder’s own coder record', () => {
  it('may be written by that coder into the codebook, nobody else’s', async () => {
    const { mayWriteDoc } = await import('./permissions');
    const own = { table: 'coders' as const, record: { id: 'c1', name: ' ALICE ' } };
    expect(mayWriteDoc(alice, { kind: 'codebook' }, own)).toBe(true);
    expect(mayWriteDoc(alice, { kind: 'codebook' }, { table: 'coders', record: { id: 'c2', name: 'bob' } })).toBe(false);
    expect(mayWriteDoc(alice, { kind: 'codebook' }, { table: 'codes', record: { id: 'k', name: 'alice' } })).toBe(false);
    expect(mayWriteDoc(alice, { kind: 'corpus' }, own)).toBe(false);
  });
});
