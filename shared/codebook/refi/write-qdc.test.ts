import { describe, expect, it } from 'vitest';

import type { Code } from '../../model/records';
import { guid, makeCode, unwrap, validateAgainstCodebookXsd, XMLLINT_AVAILABLE, XMLLINT_SKIP_REASON } from './refi.test-helpers';
import { writeQdc } from './write-qdc';

const ORIGIN = { origin: 'Threadmark 0.1.0' };
const write = (codes: readonly Code[]): string => unwrap(writeQdc(codes, ORIGIN));

const fallacy = makeCode({ id: guid(1), name: 'Fallacy', codable: false, color: '#abc', order: 1 });
const whatabout = makeCode({ id: guid(2), name: 'Whataboutism', parentId: guid(1), order: 1, definition: 'Points elsewhere.' });
const equivalence = makeCode({ id: guid(3), name: 'False equivalence', parentId: guid(1), order: 0 });
const derailing = makeCode({ id: guid(4), name: 'Derailing', order: 0, color: '#F58231' });

describe('writeQdc', () => {
  it('writes a complete codebook: declaration, namespace, origin, codes nested by parent in sibling order', () => {
    expect(write([whatabout, fallacy, equivalence, derailing])).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Threadmark 0.1.0">',
        '  <Codes>',
        `    <Code guid="${guid(4)}" name="Derailing" isCodable="true" color="#f58231"/>`,
        `    <Code guid="${guid(1)}" name="Fallacy" isCodable="false" color="#aabbcc">`,
        `      <Code guid="${guid(3)}" name="False equivalence" isCodable="true" color="#4363d8"/>`,
        `      <Code guid="${guid(2)}" name="Whataboutism" isCodable="true" color="#4363d8">`,
        '        <Description>Points elsewhere.</Description>',
        '      </Code>',
        '    </Code>',
        '  </Codes>',
        '</CodeBook>',
        '',
      ].join('\n'),
    );
  });

  it('closes every level of a deep branch before the next top-level code', () => {
    const chain = [0, 1, 2, 3].map((n) => makeCode({ id: guid(10 + n), name: `L${n}`, parentId: n === 0 ? null : guid(9 + n) }));
    const next = makeCode({ id: guid(20), name: 'Next', order: 1 });
    const lines = write([...chain, next]).split('\n');
    const attrs = (n: number, name: string): string => `guid="${guid(n)}" name="${name}" isCodable="true" color="#4363d8"`;
    expect(lines.slice(3, 12)).toEqual([
      `    <Code ${attrs(10, 'L0')}>`,
      `      <Code ${attrs(11, 'L1')}>`,
      `        <Code ${attrs(12, 'L2')}>`,
      `          <Code ${attrs(13, 'L3')}/>`,
      '        </Code>',
      '      </Code>',
      '    </Code>',
      `    <Code ${attrs(20, 'Next')}/>`,
      '  </Codes>',
    ]);
  });

  it('writes the GUID in lower case without braces, whatever form the id has', () => {
    const xml = write([makeCode({ id: `{${guid(0xabc).toUpperCase()}}`, name: 'X' })]);
    expect(xml).toContain(`guid="${guid(0xabc)}"`);
  });

  it('leaves out Description when every field is empty, and exemplar codings always', () => {
    const xml = write([makeCode({ id: guid(1), name: 'X', exemplarCodingIds: ['coding-1'] })]);
    expect(xml).not.toContain('Description');
    expect(xml).not.toContain('coding-1');
  });

  it('writes the structured fields into Description in the documented layout', () => {
    const xml = write([makeCode({ id: guid(1), name: 'X', definition: 'D', inclusion: 'I', examples: ['e'], shortcut: 'k', retired: true })]);
    expect(xml).toContain('<Description>D\n\nInclude when:\nI\n\nExamples:\n- e\n\nShortcut: k\n\nStatus: retired</Description>');
  });

  it('escapes markup in names and descriptions, and keeps CR, TAB and LF in attributes as references', () => {
    const xml = write([makeCode({ id: guid(1), name: 'a<b>&"c"\'d\te\nf\rg', definition: '<i>&amp;</i> ]]> x\r\ny' })]);
    expect(xml).toContain('name="a&lt;b&gt;&amp;&quot;c&quot;\'d&#9;e&#10;f&#13;g"');
    expect(xml).toContain('<Description>&lt;i&gt;&amp;amp;&lt;/i&gt; ]]&gt; x&#13;\ny</Description>');
  });

  it('drops characters XML 1.0 cannot carry and replaces lone surrogates', () => {
    const xml = write([makeCode({ id: guid(1), name: 'tab\u000bbell\u0007 😀', definition: 'lone \ud800 half \udc00 end\uffff' })]);
    expect(xml).toContain('name="tabbell 😀"');
    expect(xml).toContain('<Description>lone \ufffd half \ufffd end</Description>');
  });

  it('leaves out a colour the schema would refuse rather than inventing one', () => {
    expect(write([makeCode({ id: guid(1), name: 'X', color: 'red' })])).not.toContain('color=');
  });

  it('makes a code whose parent is missing a top-level code, so nothing disappears', () => {
    const xml = write([makeCode({ id: guid(1), name: 'Orphan', parentId: guid(99) })]);
    expect(xml).toContain(`    <Code guid="${guid(1)}" name="Orphan"`);
  });

  it('gives the same bytes for the same codes in any array order', () => {
    const codes = [whatabout, fallacy, equivalence, derailing];
    expect(write([...codes].reverse())).toBe(write(codes));
  });

  it('refuses an empty codebook, ids that are not GUIDs and an id used twice, naming each code', () => {
    expect(writeQdc([], ORIGIN)).toEqual({ ok: false, error: ['the codebook has no codes; a REFI-QDA codebook needs at least one'] });
    const result = writeQdc([makeCode({ id: 'code-1', name: 'Legacy' }), makeCode({ id: guid(1), name: 'A' }), makeCode({ id: guid(1).toUpperCase(), name: 'B' })], ORIGIN);
    expect(result).toEqual({
      ok: false,
      error: ['code "Legacy": id "code-1" is not a GUID, which REFI-QDA requires', `code "B": id ${guid(1)} is also the id of code "A"`],
    });
  });
});

describe.skipIf(!XMLLINT_AVAILABLE)(`written codebooks validate against Codebook.xsd (skipped when absent: ${XMLLINT_SKIP_REASON})`, () => {
  const documents: Array<[string, Code[]]> = [
    ['one flat code', [derailing]],
    ['a nested codebook with descriptions and categories', [whatabout, fallacy, equivalence, derailing]],
    [
      'hostile text in every field',
      [
        makeCode({
          id: guid(1),
          name: '<&>"\' \u0001\u000b😀\ud800',
          definition: ']]> <![CDATA[ x ]]> &#0; \u0000',
          inclusion: 'Include when:',
          examples: ['', '\r\n'],
          shortcut: '"',
          retired: true,
        }),
      ],
    ],
    ['a ten-level chain', Array.from({ length: 10 }, (_, n) => makeCode({ id: guid(n + 1), name: `L${n}`, parentId: n === 0 ? null : guid(n) }))],
  ];
  it.each(documents)('%s', (_label, codes) => {
    const verdict = validateAgainstCodebookXsd(write(codes));
    expect(verdict.output).toContain('- validates');
    expect(verdict.valid).toBe(true);
  });

  it('xmllint itself refuses a document the schema forbids (so the checks above can fail)', () => {
    const invalid = write([derailing]).replace('isCodable="true" ', '');
    expect(validateAgainstCodebookXsd(invalid).valid).toBe(false);
  });
});
