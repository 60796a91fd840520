/** docs/reliability.md, "Hostile XML": hostile .qdc files fail fast and harmlessly. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { decodeText } from '../../import/decode-text';
import { MAX_CODE_DEPTH, MAX_CODES } from '../code-limits';
import { parseXmlDocument } from './parse-xml';
import { readQdc } from './read-qdc';
import { guid, problemsOf, unwrap } from './refi.test-helpers';

// The real decoder and parser, watched: "refused before parsing" is checked by their calls, not by a clock.
vi.mock('../../import/decode-text', { spy: true });
vi.mock('./parse-xml', { spy: true });
beforeEach(() => {
  vi.mocked(decodeText).mockClear();
  vi.mocked(parseXmlDocument).mockClear();
});

const NS = 'xmlns="urn:QDA-XML:codebook:1.0"';
const CODE = `<Code guid="${guid(1)}" name="A" isCodable="true"/>`;

describe('entity attacks are refused before any parser sees them', () => {
  const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('\n');
  const payloads: Array<[string, string, string]> = [
    ['billion laughs', `<?xml version="1.0"?>\n<!DOCTYPE CodeBook [\n${laughs}\n]>\n<CodeBook ${NS}><Codes><Code guid="${guid(1)}" name="&lol9;" isCodable="true"/></Codes></CodeBook>`, 'DOCTYPE'],
    ['an external entity (XXE)', `<?xml version="1.0"?>\n<!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<CodeBook ${NS}><Codes><Code guid="${guid(1)}" name="&xxe;" isCodable="true"/></Codes></CodeBook>`, 'DOCTYPE'],
    ['a quadratic blow-up', `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(20_000)}">]><CodeBook ${NS}><Codes><Code guid="${guid(1)}" name="${'&a;'.repeat(20_000)}" isCodable="true"/></Codes></CodeBook>`, 'DOCTYPE'],
    ['a lower-case doctype after a byte-order mark', `\uFEFF<!doctype CodeBook SYSTEM "http://example.invalid/x.dtd"><CodeBook ${NS}><Codes>${CODE}</Codes></CodeBook>`, 'DOCTYPE'],
    ['an entity declaration alone', `<CodeBook ${NS}><!ENTITY x "y"><Codes>${CODE}</Codes></CodeBook>`, 'ENTITY'],
  ];
  it.each(payloads)('%s', (_label, xml, keyword) => {
    const [problem] = problemsOf(readQdc(xml, 'evil.qdc'));
    expect(problem!.file).toBe('evil.qdc');
    expect(problem!.message).toContain(`declares a ${keyword}`);
    expect(problem!.message).toContain('so the file is refused');
    expect(parseXmlDocument).not.toHaveBeenCalled();
  });

  it('names the line of the declaration', () => {
    expect(problemsOf(readQdc(`<?xml version="1.0"?>\n\n<!DOCTYPE x>\n<CodeBook/>`, 'evil.qdc'))[0]!.line).toBe(3);
  });
});

describe('size and depth limits', () => {
  it('refuses a 200 MB file without decoding or parsing it', () => {
    const huge = new Uint8Array(200 * 1024 * 1024).fill(0x20);
    expect(problemsOf(readQdc(huge, 'huge.qdc'))).toEqual([{ file: 'huge.qdc', message: 'the file is 200 MB, over the 50 MB limit, so it was not read' }]);
    expect(decodeText).not.toHaveBeenCalled();
    expect(parseXmlDocument).not.toHaveBeenCalled();
  });

  it('decodes and parses a file under the limit (so the spies above can see a call)', () => {
    readQdc(new TextEncoder().encode(`<CodeBook ${NS}><Codes>${CODE}</Codes></CodeBook>`), 'ok.qdc');
    expect(decodeText).toHaveBeenCalledTimes(1);
    expect(parseXmlDocument).toHaveBeenCalledTimes(1);
  });

  it('applies a smaller limit to text already decoded', () => {
    expect(problemsOf(readQdc(`<CodeBook ${NS}><Codes>${CODE}</Codes></CodeBook>`, 'x.qdc', { maxBytes: 10 }))[0]!.message).toMatch(/over the 10 bytes limit/);
  });

  it('refuses 10,000 levels of nesting at the depth cap, without reading on to the end', () => {
    // (100,000 <Code> tags are refused sooner, by count: below.) The levels are never closed: a
    // parser that read the whole document (or checked it first) would report the unclosed tags.
    const deep = `<CodeBook ${NS}><Codes>${'<Code>'.repeat(10_000)}`;
    expect(problemsOf(readQdc(deep, 'deep.qdc'))).toEqual([
      { file: 'deep.qdc', message: 'elements are nested more than 68 levels deep; no REFI-QDA codebook needs that many, so the file is refused' },
    ]);
  });

  it('reads a codebook nested as deep as the limit allows', () => {
    const levels = 40;
    const nested = Array.from({ length: levels }, (_, i) => `<Code guid="${guid(i + 1)}" name="L${i}" isCodable="true">`).join('') + '</Code>'.repeat(levels);
    const codes = unwrap(readQdc(`<CodeBook ${NS}><Codes>${nested}</Codes></CodeBook>`, 'ok.qdc')).codes;
    expect(codes).toHaveLength(levels);
    expect(codes[levels - 1]!.parentId).toBe(guid(levels - 1));
  });
});

describe('names that could reach an object prototype', () => {
  afterEach(() => {
    // Clean up in case a test failed by polluting, so one failure does not cascade.
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  const polluted = (): unknown => (({}) as Record<string, unknown>).polluted;

  it('refuses a __proto__ element', () => {
    const xml = `<CodeBook ${NS}><Codes><__proto__><polluted>yes</polluted></__proto__>${CODE}</Codes></CodeBook>`;
    expect(problemsOf(readQdc(xml, 'proto.qdc'))[0]!.message).toBe(
      'the file uses "__proto__" as an element name, which is refused because it could tamper with the program reading it',
    );
    expect(polluted()).toBeUndefined();
  });

  it('refuses constructor and prototype elements the same way', () => {
    for (const name of ['constructor', 'prototype']) {
      const xml = `<CodeBook ${NS}><Codes><${name}><polluted>yes</polluted></${name}>${CODE}</Codes></CodeBook>`;
      expect(problemsOf(readQdc(xml, 'proto.qdc'))[0]!.message).toContain(`"${name}"`);
    }
    expect(polluted()).toBeUndefined();
  });

  it('ignores __proto__ attributes and prefixed __proto__ elements without polluting anything', () => {
    const xml = `<CodeBook ${NS} xmlns:x="urn:x"><Codes><Code guid="${guid(1)}" name="__proto__" isCodable="true" __proto__="polluted" constructor="c"><x:__proto__ polluted="yes"/></Code></Codes></CodeBook>`;
    const imported = unwrap(readQdc(xml, 'proto.qdc'));
    expect(imported.codes.map((c) => c.name)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(imported.codes[0])).toBe(Object.prototype);
    expect(polluted()).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe('the codebook caps every path shares (code-limits.ts)', () => {
  const nested = (levels: number): string =>
    Array.from({ length: levels }, (_, i) => `<Code guid="${guid(i + 1)}" name="L${i + 1}" isCodable="true">`).join('') + '</Code>'.repeat(levels);

  it(`reads codes nested ${MAX_CODE_DEPTH} deep and names the code one level deeper`, () => {
    expect(unwrap(readQdc(`<CodeBook ${NS}><Codes>${nested(MAX_CODE_DEPTH)}</Codes></CodeBook>`, 'ok.qdc')).codes).toHaveLength(MAX_CODE_DEPTH);
    const path = `Codes${'/Code[1]'.repeat(MAX_CODE_DEPTH + 1)}`;
    expect(problemsOf(readQdc(`<CodeBook ${NS}><Codes>${nested(MAX_CODE_DEPTH + 1)}</Codes></CodeBook>`, 'deep.qdc'))).toEqual([
      { file: 'deep.qdc', record: path, line: 1, message: `it is nested ${MAX_CODE_DEPTH + 1} levels deep, deeper than the ${MAX_CODE_DEPTH} levels Threadmark accepts` },
    ]);
  });

  it(`refuses more than ${MAX_CODES} codes by counting tags, before building a tree of them`, () => {
    const codes = Array.from({ length: MAX_CODES + 1 }, (_, i) => `<Code guid="${guid(i + 1)}" name="C${i}" isCodable="true"/>`).join('\n');
    const [problem] = problemsOf(readQdc(`<CodeBook ${NS}><Codes>\n${codes}\n</Codes></CodeBook>`, 'many.qdc'));
    expect(problem).toEqual({ file: 'many.qdc', line: MAX_CODES + 2, record: 'Code', message: `the codebook holds over ${MAX_CODES.toLocaleString('en')} codes, more than the ${MAX_CODES.toLocaleString('en')} Threadmark accepts, so the file was not read` });
  });

  it('does not count <CodeRef> or <CodeBook> as codes', () => {
    const refs = '<CodeRef targetGUID="x"/>'.repeat(MAX_CODES + 1);
    expect(unwrap(readQdc(`<CodeBook ${NS}><Codes>${CODE}</Codes><Sets><Set guid="${guid(9)}" name="s">${refs}</Set></Sets></CodeBook>`, 'refs.qdc')).codes).toHaveLength(1);
  });
});

describe('characters XML does not allow', () => {
  const withName = (name: string): string => `<CodeBook ${NS}>\n<Codes>\n<Code guid="${guid(1)}" name="${name}" isCodable="true"/></Codes></CodeBook>`;
  it.each([
    ['a raw NUL', 'A\u0000B', 'line 3 holds a NUL character (U+0000), which XML does not allow, so the file is refused'],
    ['a raw control character', 'A\u0001', 'line 3 holds the control character U+0001, which XML does not allow, so the file is refused'],
    ['a lone surrogate', 'A\uD800', 'line 3 holds an unpaired surrogate U+D800, which XML does not allow, so the file is refused'],
    ['&#0;', 'A&#0;', 'line 3: the character reference &#0; names a character XML does not allow, so the file is refused'],
    ['&#xD800;', 'A&#xD800;', 'line 3: the character reference &#xD800; names a character XML does not allow, so the file is refused'],
    ['&#xFFFF;', '&#xFFFF;', 'line 3: the character reference &#xFFFF; names a character XML does not allow, so the file is refused'],
    ['a reference past U+10FFFF', '&#x110000;', 'line 3: the character reference &#x110000; names a character XML does not allow, so the file is refused'],
  ])('%s is refused with its line', (_label, name, message) => {
    expect(problemsOf(readQdc(withName(name), 'bad.qdc'))).toEqual([{ file: 'bad.qdc', line: 3, message }]);
  });

  it('keeps allowed references and astral characters', () => {
    expect(unwrap(readQdc(withName('tab&#9;&#x1F600;😀&#65;'), 'ok.qdc')).codes[0]!.name).toBe('tab\t😀😀A');
  });
});

describe('a shortcut written by hand or by another tool', () => {
  const withShortcut = (key: string): string => `<CodeBook ${NS}><Codes><Code guid="${guid(1)}" name="A" isCodable="true"><Description>Shortcut: ${key}</Description></Code></Codes></CodeBook>`;
  it('"Shortcut: A" is the key a (it was an internal error blaming the output file)', () => {
    const read = unwrap(readQdc(withShortcut('A'), 'keys.qdc'));
    expect(read.codes[0]!.shortcut).toBe('a');
    expect(read.warnings).toEqual([]);
  });
  it('a key Threadmark cannot bind is dropped with a warning naming the code', () => {
    const read = unwrap(readQdc(withShortcut('Ctrl+1'), 'keys.qdc'));
    expect(read.codes[0]!.shortcut).toBeNull();
    expect(read.warnings).toEqual([{ file: 'keys.qdc', record: 'Codes/Code[1]/Description', field: 'Shortcut', line: 1, message: '"Ctrl+1" is not one letter a–z or digit 0–9; the code gets no shortcut' }]);
  });
});
