import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS, type Code } from '@shared/model/records';

import { blankDraft, draftFields, draftOf, draftPreview } from './code-draft';

const parent: Code = { ...EMPTY_CODE_FIELDS, id: 'p', name: 'Derailing moves', parentId: null, order: 0, color: '#111111', examples: [], exemplarCodingIds: [], codable: false };
const code: Code = { ...EMPTY_CODE_FIELDS, id: 'c', name: 'Whataboutism', parentId: 'p', order: 0, color: '#222222', examples: ['one'], exemplarCodingIds: [], shortcut: 'q' };

describe('code drafts', () => {
  it('round-trips a code through the form: no key is "", category only is not codable', () => {
    expect(draftFields(draftOf(code))).toEqual({
      name: 'Whataboutism',
      color: '#222222',
      definition: '',
      inclusion: '',
      exclusion: '',
      examples: ['one'],
      shortcut: 'q',
      codable: true,
      retired: false,
    });
    expect(draftFields({ ...blankDraft('#333333'), shortcut: ' ', categoryOnly: true })).toMatchObject({ shortcut: null, codable: false });
  });

  it('says what adding a code will do, once it has a name', () => {
    expect(draftPreview(blankDraft('#333333'), null, 'p', [parent])).toBeNull();
    expect(draftPreview({ ...blankDraft('#333333'), name: ' Tone policing ' }, null, 'p', [parent])).toBe('Adds “Tone policing” under “Derailing moves”');
  });

  it('says what saving an edit will change, and nothing for white space alone', () => {
    const codes = [parent, code];
    expect(draftPreview({ ...draftOf(code), name: 'Whataboutism ' }, code, null, codes)).toBeNull();
    expect(draftPreview({ ...draftOf(code), name: 'What-about', definition: 'Deflects' }, code, null, codes)).toBe(
      'Renames “Whataboutism” to “What-about” and changes its definition',
    );
    expect(draftPreview({ ...draftOf(code), retired: true }, code, null, codes)).toBe('Retires “Whataboutism”');
  });

  it('an editor opened before another window renamed the code previews only its own change, onto the code as it is now', () => {
    const renamed = { ...code, name: 'What-about' };
    const codes = [parent, renamed];
    // The draft still holds the old name; only the definition was typed here.
    expect(draftPreview({ ...draftOf(code), definition: 'Deflects' }, renamed, null, codes, code)).toBe('Changes the definition of “What-about”');
    expect(draftPreview(draftOf(code), renamed, null, codes, code)).toBeNull();
  });
});
