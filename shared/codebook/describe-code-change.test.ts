import { describe, expect, it } from 'vitest';

import type { Code } from '../model/records';
import { byId, code } from './codebook-fixtures.test-helpers';
import { describeCodeChange } from './describe-code-change';

const fallacy = code('fallacy', 'Fallacy');
const derailing = code('derail', 'Derailing', 'fallacy', { definition: 'Changes the topic.' });
const codes = byId([fallacy, derailing]);
const edit = (patch: Partial<Code>): string => describeCodeChange(derailing, { ...derailing, ...patch }, codes);

describe('describeCodeChange', () => {
  it('describes additions and deletions with the place', () => {
    expect(describeCodeChange(null, code('x', 'Whataboutism', 'fallacy'), codes)).toBe('Added “Whataboutism” under “Fallacy”');
    expect(describeCodeChange(null, code('x', 'Whataboutism'), codes)).toBe('Added “Whataboutism” at the top level');
    expect(describeCodeChange(derailing, null, codes)).toBe('Deleted “Derailing”');
  });

  it('describes a rename and a move', () => {
    expect(edit({ name: 'Derailment' })).toBe('Renamed “Derailing” to “Derailment”');
    expect(edit({ parentId: null })).toBe('Moved “Derailing” to the top level');
    expect(describeCodeChange(fallacy, { ...fallacy, parentId: 'derail' }, codes)).toBe('Moved “Fallacy” under “Derailing”');
    expect(edit({ parentId: 'gone' })).toBe('Moved “Derailing” under a code not in the codebook');
  });

  it('names changed fields together, the two criteria sharing one noun', () => {
    expect(edit({ definition: 'Steers away.' })).toBe('Changed the definition of “Derailing”');
    expect(edit({ definition: 'Steers away.', exclusion: 'Not jokes.' })).toBe('Changed the definition and exclusion criteria of “Derailing”');
    expect(edit({ inclusion: 'a', exclusion: 'b', color: '#000000' })).toBe('Changed the inclusion and exclusion criteria and colour of “Derailing”');
    expect(edit({ definition: 'x', examples: ['e'], shortcut: 'd' })).toBe('Changed the definition, examples, and shortcut of “Derailing”');
    expect(edit({ exemplarCodingIds: ['c1'] })).toBe('Changed the exemplars of “Derailing”');
  });

  it('uses its own verb for retiring and codability', () => {
    expect(edit({ retired: true })).toBe('Retired “Derailing”');
    expect(describeCodeChange({ ...derailing, retired: true }, derailing, codes)).toBe('Brought “Derailing” back into use');
    expect(edit({ codable: false })).toBe('Made “Derailing” a category (not codable)');
    expect(describeCodeChange({ ...derailing, codable: false }, derailing, codes)).toBe('Made “Derailing” codable');
  });

  it('joins several changes into one sentence that names the code once', () => {
    expect(edit({ name: 'Derailment', parentId: null, definition: 'x', retired: true })).toBe(
      'Renamed “Derailing” to “Derailment”, moved it to the top level, changed its definition, and retired it',
    );
    expect(edit({ definition: 'x', retired: true })).toBe('Changed the definition of “Derailing” and retired it');
  });

  it('says when only the position among siblings changed, or nothing did', () => {
    expect(edit({ order: 4 })).toBe('Reordered “Derailing”');
    expect(edit({ definition: 'Changes the topic.\r\n' })).toBe('No change to “Derailing”');
  });
});
