import { describe, expect, it } from 'vitest';

import { ACTION_CATALOG } from '@shared/actions/action-catalog';

import { filterEntries, normalize, scoreEntry } from './palette-filter';

const labels = (query: string) => filterEntries(query, ACTION_CATALOG).map((action) => action.label);

describe('command palette filter', () => {
  it('normalizes case, accents and punctuation', () => {
    expect(normalize('Export as REFI-QDA (.qdc)…')).toBe('export as refi qda qdc');
    expect(normalize('  Vérsions  ')).toBe('versions');
  });

  it('gives every entry, in order, for an empty query', () => {
    expect(labels('')).toEqual(ACTION_CATALOG.map((action) => action.label));
    expect(labels('   ')).toHaveLength(ACTION_CATALOG.length);
  });

  it('puts a label that starts with the query first', () => {
    expect(labels('undo')[0]).toBe('Undo');
    expect(labels('version')).toEqual(['Versions and changes…', 'Name this version…', 'Conflict inbox…']);
    expect(labels('import t')[0]).toBe('Import threads…');
  });

  it('wants every word of the query, anywhere in the label', () => {
    expect(labels('export csv')).toEqual(['Export coded segments (CSV)…', 'Export as CSV…']);
    // Import codebook and Add coder files (which takes a .qdpx coded elsewhere) have "refi-qda" as a keyword: found, below the labels that have it.
    expect(labels('refi-qda')).toEqual(['Import a REFI-QDA project (.qdpx)…', 'Export as a REFI-QDA project (.qdpx)…', 'Export as REFI-QDA (.qdc)…', 'Import codebook…', 'Add coder files…']);
    expect(labels('import zebra')).toEqual([]);
  });

  it('finds an action by a keyword, below label matches', () => {
    expect(labels('kappa')).toEqual(['Agreement view']);
    // The keyword match comes first; letters-in-order matches ("Show pSeudonymS") may follow.
    expect(labels('spss')[0]).toBe('Export coded segments (CSV)…');
    const agreement = labels('agreement');
    expect(agreement[0]).toBe('Agreement view');
    expect(agreement).toContain('Add coder files…');
  });

  it('finds letters in order (fuzzy), favouring word starts', () => {
    expect(labels('ecs')[0]).toBe('Export coded segments (CSV)…');
    expect(labels('cdbk')).toContain('Import codebook…');
    expect(scoreEntry('xq', { label: 'Undo' })).toBeNull();
    // One letter is matched as a word start or a substring only, never scattered.
    expect(scoreEntry('q', { label: 'Undo' })).toBeNull();
  });

  it('keeps the catalog order between equal scores', () => {
    const entries = [{ label: 'Export b' }, { label: 'Export a' }];
    expect(filterEntries('export', entries)).toEqual(entries);
  });
});
