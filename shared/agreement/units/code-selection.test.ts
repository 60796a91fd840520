import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS, type Code } from '../../model/records';
import { coderPairs, selectCoders, selectCodes } from './code-selection';
import type { AgreementInput } from './coding-layers';

const code = (id: string, name: string, parentId: string | null, order: number): Code => ({ id, name, parentId, color: '#336699', ...EMPTY_CODE_FIELDS, order });

const input: AgreementInput = {
  posts: [{ id: 'p', length: 10 }],
  codes: [
    code('f', 'Fallacy', null, 0),
    code('h', 'Ad hominem', 'f', 1),
    code('s', 'Straw man', 'f', 0),
    code('t', 'Tone', null, 1),
    code('th', 'Ad hominem', 't', 0),
  ],
  coders: [{ id: 'u1', name: 'Ana' }, { id: 'u2', name: 'Ben' }, { id: 'u3', name: 'Cy' }],
  codings: [{ postId: 'p', codeId: 't', coderId: 'u1', start: 0, end: 1 }],
};

describe('selectCodes', () => {
  it('defaults to the codable codes, plus categories someone applied, in codebook order', () => {
    const r = selectCodes(input);
    expect(r.ok && r.value.codes.map((c) => c.path)).toEqual(['Fallacy > Straw man', 'Fallacy > Ad hominem', 'Tone', 'Tone > Ad hominem']);
    expect(r.ok && r.value.domains.map((c) => c.path)).toEqual(['Fallacy', 'Tone']);
  });

  it('resolves full paths, and bare names only when they are unambiguous', () => {
    const r = selectCodes(input, ['Straw man', 'Tone > Ad hominem', 'Fallacy']);
    expect(r.ok && r.value.codes.map((c) => c.id)).toEqual(['s', 'th', 'f']);
    expect(r.ok && r.value.domains.map((c) => c.id)).toEqual(['f']);
    expect(selectCodes(input, ['Ad hominem'])).toEqual({ ok: false, error: '"Ad hominem" names 2 codes; give the full path ("Parent > Child").' });
  });

  it('refuses two codes with one path, since paths are the report keys', () => {
    const twins = { ...input, codes: [...input.codes, code('s2', 'Straw man', 'f', 2)] };
    expect(selectCodes(twins)).toEqual({ ok: false, error: 'Two codes share the path "Fallacy > Straw man"; rename one to compare them.' });
  });
});

describe('selectCoders and coderPairs', () => {
  it('keeps the order listed and pairs coders as "A|B"', () => {
    const r = selectCoders(input, ['Cy', 'Ana']);
    expect(r.ok && r.value.map((c) => c.id)).toEqual(['u3', 'u1']);
    expect(coderPairs(input.coders).map((p) => p.key)).toEqual(['Ana|Ben', 'Ana|Cy', 'Ben|Cy']);
    expect(selectCoders(input, ['Ana', 'Ana'])).toEqual({ ok: false, error: 'Coder "Ana" is listed twice.' });
  });
});
