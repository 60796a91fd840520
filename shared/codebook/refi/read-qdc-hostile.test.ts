/** docs/reliability.md, "Hostile XML": hostile .qdc files fail fast and harmlessly. */
import { afterEach, describe, expect, it } from 'vitest';

import { readQdc } from './read-qdc';
import { guid, problemsOf, unwrap } from './refi.test-helpers';

const NS = 'xmlns="urn:QDA-XML:codebook:1.0"';
const CODE = `<Code guid="${guid(1)}" name="A" isCodable="true"/>`;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

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
    const { value, ms } = timed(() => readQdc(xml, 'evil.qdc'));
    const [problem] = problemsOf(value);
    expect(problem!.file).toBe('evil.qdc');
    expect(problem!.message).toContain(`declares a ${keyword}`);
    expect(problem!.message).toContain('so the file is refused');
    expect(ms).toBeLessThan(100);
  });

  it('names the line of the declaration', () => {
    expect(problemsOf(readQdc(`<?xml version="1.0"?>\n\n<!DOCTYPE x>\n<CodeBook/>`, 'evil.qdc'))[0]!.line).toBe(3);
  });
});

describe('size and depth limits', () => {
  it('refuses a 200 MB file in well under a second, without decoding or parsing it', () => {
    const huge = new Uint8Array(200 * 1024 * 1024).fill(0x20);
    const { value, ms } = timed(() => readQdc(huge, 'huge.qdc'));
    expect(problemsOf(value)).toEqual([{ file: 'huge.qdc', message: 'the file is 200 MB, over the 50 MB limit, so it was not read' }]);
    expect(ms).toBeLessThan(1000);
  });

  it('applies a smaller limit to text already decoded', () => {
    expect(problemsOf(readQdc(`<CodeBook ${NS}><Codes>${CODE}</Codes></CodeBook>`, 'x.qdc', { maxBytes: 10 }))[0]!.message).toMatch(/over the 10 bytes limit/);
  });

  it('refuses 100,000 levels of nesting quickly and with a clear message', () => {
    const deep = `<CodeBook ${NS}><Codes>${'<Code>'.repeat(100_000)}${'</Code>'.repeat(100_000)}</Codes></CodeBook>`;
    const { value, ms } = timed(() => readQdc(deep, 'deep.qdc'));
    expect(problemsOf(value)).toEqual([
      { file: 'deep.qdc', message: 'elements are nested more than 64 levels deep; no REFI-QDA codebook needs that many, so the file is refused' },
    ]);
    expect(ms).toBeLessThan(1000);
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
