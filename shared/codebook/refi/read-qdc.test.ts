import { describe, expect, it } from 'vitest';

import type { Code } from '../../model/records';
import type { ImportedCodebook } from './imported-codebook';
import { readQdc } from './read-qdc';
import { DEFAULT_CODE_COLORS } from './refi-values';
import { guid, makeCode, problemsOf, readRefiSample, refiSampleAvailable, REFI_SAMPLES_SKIP_REASON, unwrap } from './refi.test-helpers';
import { writeQdc } from './write-qdc';

const NS = 'xmlns="urn:QDA-XML:codebook:1.0"';
const codebook = (codes: string, extra = '', root = `<CodeBook ${NS}>`): string => `<?xml version="1.0" encoding="UTF-8"?>\n${root}<Codes>${codes}</Codes>${extra}</CodeBook>`;
const read = (xml: string | Uint8Array): ImportedCodebook => unwrap(readQdc(xml, 'codebook.qdc'));
const G1 = '5215cc69-0c1f-4d3b-9a1b-0123456789ab';

describe('readQdc round trip (writeQdc → readQdc)', () => {
  const codes: Code[] = [
    makeCode({ id: guid(1), name: 'Fallacy', codable: false, color: '#112233', order: 0, definition: 'Arguments that fail.' }),
    makeCode({
      id: guid(2),
      name: 'Whataboutism <&>"\'',
      parentId: guid(1),
      order: 0,
      color: '#aabbcc',
      definition: 'Line one\nline two 😀\n\nParagraph.',
      inclusion: 'Include when:\nthe reply changes topic',
      exclusion: 'Exclude when the comparison is fair.\n',
      examples: ['What about them?', 'Multi\nline', ''],
      shortcut: 'w',
    }),
    makeCode({ id: guid(3), name: 'False equivalence', parentId: guid(1), order: 1, retired: true, shortcut: '1' }),
    makeCode({ id: guid(4), name: 'Deep', parentId: guid(3), order: 0, examples: ['  indented'] }),
    makeCode({ id: guid(5), name: '007', order: 1, color: '#000000' }),
    makeCode({ id: guid(6), name: '  spaced name  ', order: 2, definition: ' ', exclusion: '\n' }),
  ];

  it('keeps every code, GUID, colour, parent, sibling order and structured field', () => {
    const imported = read(unwrap(writeQdc(codes, { origin: 'Threadmark 0.1.0' })));
    expect(imported.codes).toEqual(codes);
    expect(imported.warnings).toEqual([]);
    expect(imported.origin).toBe('Threadmark 0.1.0');
  });

  it('writes the same bytes again after a round trip: GUIDs are stable across exports', () => {
    const first = unwrap(writeQdc(codes, { origin: 'T' }));
    expect(unwrap(writeQdc(read(first).codes, { origin: 'T' }))).toBe(first);
  });

  it('leaves exemplar codings out (a .qdc has no posts) and numbers siblings from 0', () => {
    const gappy = [makeCode({ id: guid(1), name: 'A', order: 5, exemplarCodingIds: ['c1'] }), makeCode({ id: guid(2), name: 'B', order: 10 })];
    const imported = read(unwrap(writeQdc(gappy, { origin: 'T' }))).codes;
    expect(imported.map((c) => [c.name, c.order, c.exemplarCodingIds])).toEqual([
      ['A', 0, []],
      ['B', 1, []],
    ]);
  });
});

describe('readQdc tolerance of real files', () => {
  it('reads any namespace prefix', () => {
    const xml = `<q:CodeBook xmlns:q="urn:QDA-XML:codebook:1.0"><q:Codes><q:Code guid="${G1}" name="A" isCodable="true"><q:Code guid="${guid(2)}" name="B" isCodable="true"/></q:Code></q:Codes></q:CodeBook>`;
    const imported = read(xml);
    expect(imported.codes.map((c) => [c.name, c.parentId])).toEqual([
      ['A', null],
      ['B', G1],
    ]);
    expect(imported.warnings).toEqual([]);
  });

  it('reads the project namespace without a warning, other versions and none with one', () => {
    const code = `<Code guid="${G1}" name="A" isCodable="true"/>`;
    expect(read(codebook(code, '', '<CodeBook xmlns="urn:QDA-XML:project:1.0">')).warnings).toEqual([]);
    const old = read(codebook(code, '', '<CodeBook xmlns="urn:QDA-XML:codebook:1:0">'));
    expect(old.codes).toHaveLength(1);
    expect(old.warnings).toEqual([
      { file: 'codebook.qdc', record: 'CodeBook', field: 'xmlns', message: 'namespace "urn:QDA-XML:codebook:1:0" is not the REFI-QDA 1.0 namespace; the elements were read by name' },
    ]);
    expect(read(codebook(code, '', '<CodeBook>')).warnings[0]?.message).toBe('no REFI-QDA namespace is declared; the elements were read by name');
  });

  it('normalizes braced, upper-case and unhyphenated GUIDs to lower case, parents included', () => {
    const upper = G1.toUpperCase();
    const xml = codebook(`<Code guid="{${upper}}" name="A" isCodable="true"><Code guid="${guid(2).replace(/-/g, '').toUpperCase()}" name="B" isCodable="true"/></Code>`);
    expect(read(xml).codes.map((c) => [c.id, c.parentId])).toEqual([
      [G1, null],
      [guid(2), G1],
    ]);
  });

  it('reads #RGB, #RRGGBB in any case and rgb(); drops alpha with a warning', () => {
    const colors = ['#F0a', '#ABCDEF', 'rgb(255, 0, 16)', '#11223344'];
    const xml = codebook(colors.map((color, i) => `<Code guid="${guid(i + 1)}" name="c${i}" isCodable="true" color="${color}"/>`).join(''));
    const imported = read(xml);
    expect(imported.codes.map((c) => c.color)).toEqual(['#ff00aa', '#abcdef', '#ff0010', '#112233']);
    expect(imported.warnings).toEqual([{ file: 'codebook.qdc', record: 'Codes/Code[4]', field: 'color', line: 2, message: 'its transparency (#11223344) was dropped; the code gets #112233' }]);
  });

  it('gives codes without a colour the palette colours in document order, the same on every import', () => {
    const xml = codebook(`<Code guid="${guid(1)}" name="a" isCodable="true"><Code guid="${guid(2)}" name="b" isCodable="true"/></Code><Code guid="${guid(3)}" name="c" isCodable="true" color="nonsense"/>`);
    const imported = read(xml);
    expect(imported.codes.map((c) => c.color)).toEqual(DEFAULT_CODE_COLORS.slice(0, 3));
    expect(read(xml).codes).toEqual(imported.codes);
    expect(imported.warnings.map((w) => [w.record, w.field, w.message])).toEqual([['Codes/Code[2]', 'color', `"nonsense" is not a colour; the code gets ${DEFAULT_CODE_COLORS[2]}`]]);
  });

  it('caps warnings so a file full of oddities gives a readable list', () => {
    const xml = codebook(Array.from({ length: 60 }, (_, i) => `<Code guid="${guid(i + 1)}" name="c${i}" isCodable="true" color="bad"/>`).join(''));
    const warnings = read(xml).warnings;
    expect(warnings).toHaveLength(51);
    expect(warnings[50]).toEqual({ file: 'codebook.qdc', message: '…and 10 more problems like these' });
  });

  it("accepts Taguette's empty <Sets/> and reports real sets as not imported", () => {
    const code = `<Code guid="${G1}" name="A" isCodable="true"/>`;
    expect(read(codebook(code, '<Sets/>')).warnings).toEqual([]);
    const sets = read(codebook(code, `<Sets><Set guid="${guid(9)}" name="S"><MemberCode guid="${G1}"/></Set></Sets>`));
    expect(sets.warnings.map((w) => w.message)).toEqual(['1 code set not imported: Threadmark has no code sets']);
  });

  it('reads a missing isCodable as codable and xsd:boolean in any case', () => {
    const values = [null, 'false', '0', 'True', '1', 'maybe'];
    const xml = codebook(values.map((v, i) => `<Code guid="${guid(i + 1)}" name="c${i}"${v === null ? '' : ` isCodable="${v}"`}/>`).join(''));
    const imported = read(xml);
    expect(imported.codes.map((c) => c.codable)).toEqual([true, false, false, true, true, true]);
    expect(imported.warnings.map((w) => [w.record, w.field])).toEqual([['Codes/Code[6]', 'isCodable']]);
  });

  it('keeps values exactly as written: no number or boolean coercion, entities decoded once', () => {
    const names = ['007', '1e5', 'true', 'Caf&#233; &amp; &#x1F600;', '&amp;lt;', ' padded '];
    const imported = read(codebook(names.map((n, i) => `<Code guid="${guid(i + 1)}" name="${n}" isCodable="true"/>`).join('')));
    expect(imported.codes.map((c) => c.name)).toEqual(['007', '1e5', 'true', 'Café & 😀', '&lt;', ' padded ']);
  });

  it('reads a description another tool wrote as the definition, unchanged', () => {
    const text = 'Memo from NVivo.\nSecond line &amp; more';
    const code = read(codebook(`<Code guid="${G1}" name="A" isCodable="true"><Description>${text}</Description></Code>`)).codes[0]!;
    expect(code.definition).toBe('Memo from NVivo.\nSecond line & more');
    expect([code.inclusion, code.exclusion, code.examples, code.shortcut, code.retired]).toEqual(['', '', [], null, false]);
  });

  it('decodes a byte-order mark, UTF-16 and CRLF line ends', () => {
    const xml = codebook(`<Code guid="${G1}" name="Café" isCodable="true"><Description>a\r\nb</Description></Code>`);
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(xml)]);
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...xml].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    for (const bytes of [utf8, utf16]) expect(read(bytes).codes[0]).toMatchObject({ name: 'Café', definition: 'a\nb' });
  });

  it('reads CDATA and comments the way XML means them', () => {
    const code = read(codebook(`<!-- a comment --><Code guid="${G1}" name="A" isCodable="true"><Description><![CDATA[<b>bold</b>]]></Description></Code>`)).codes[0]!;
    expect(code.definition).toBe('<b>bold</b>');
  });

  it('drops a repeated shortcut key with a warning (bundles refuse two codes with one key)', () => {
    const xml = codebook(`<Code guid="${guid(1)}" name="A" isCodable="true"><Description>Shortcut: k</Description></Code><Code guid="${guid(2)}" name="B" isCodable="true"><Description>Shortcut: k</Description></Code>`);
    const imported = read(xml);
    expect(imported.codes.map((c) => c.shortcut)).toEqual(['k', null]);
    expect(imported.warnings.map((w) => w.message)).toEqual(['key "k" is already the shortcut of Codes/Code[1]; this code gets none']);
  });

  it('reports memo links and unknown elements once, and reads only the first of two descriptions', () => {
    const xml = codebook(`<Code guid="${G1}" name="A" isCodable="true"><Description>one</Description><Description>two</Description><NoteRef targetGUID="${guid(7)}"/><Extra/></Code>`);
    const imported = read(xml);
    expect(imported.codes[0]!.definition).toBe('one');
    expect(imported.warnings.map((w) => w.message)).toEqual([
      'the code has 2 descriptions; only the first is read',
      '1 link from codes to project notes (memos) not imported',
      'elements REFI-QDA codebooks do not define were skipped: <Extra>',
    ]);
  });

  it('reads a codebook without codes as empty, with a warning', () => {
    const imported = read(`<CodeBook ${NS}/>`);
    expect(imported.codes).toEqual([]);
    expect(imported.warnings.map((w) => w.message)).toEqual(['the codebook has no <Codes> element, so it holds no codes']);
  });
});

describe('readQdc problems name the file, element path, attribute and line', () => {
  it('refuses a code without a GUID, with a bad GUID or without a name', () => {
    const xml = codebook(`<Code guid="${G1}" name="A" isCodable="true">\n<Code name="no guid" isCodable="true"/>\n<Code guid="not-a-guid" name="B"/></Code>\n<Code guid="${guid(3)}" isCodable="true"/>`);
    expect(problemsOf(readQdc(xml, 'codebook.qdc'))).toEqual([
      { file: 'codebook.qdc', record: 'Codes/Code[1]/Code[1]', field: 'guid', line: 3, message: 'is missing: every code needs a GUID' },
      { file: 'codebook.qdc', record: 'Codes/Code[1]/Code[2]', field: 'guid', line: 4, message: '"not-a-guid" is not a GUID' },
      { file: 'codebook.qdc', record: 'Codes/Code[2]', field: 'name', line: 5, message: 'is missing: every code needs a name' },
    ]);
  });

  it('refuses a GUID used twice, naming both elements', () => {
    const xml = codebook(`<Code guid="${G1}" name="A" isCodable="true"/><Code guid="${guid(2)}" name="B" isCodable="true"><Code guid="{${G1.toUpperCase()}}" name="C" isCodable="true"/></Code>`);
    expect(problemsOf(readQdc(xml, 'codebook.qdc'))).toEqual([
      { file: 'codebook.qdc', record: 'Codes/Code[2]/Code[1]', field: 'guid', line: 2, message: `GUID ${G1} is used twice: by Codes/Code[1] and by Codes/Code[2]/Code[1]` },
    ]);
  });

  it('refuses a file that is not a codebook, pointing a project to its .qdpx', () => {
    expect(problemsOf(readQdc('<Project name="p"/>', 'x.qdc'))[0]!.message).toBe(
      'the root element is <Project>, not <CodeBook>, so this is not a REFI-QDA codebook. It looks like a REFI-QDA project: open the .qdpx file instead.',
    );
    expect(problemsOf(readQdc(' \n', 'x.qdc'))[0]!.message).toBe('the file is empty');
    expect(problemsOf(readQdc('{"json": true}', 'x.qdc'))[0]!.message).toBe("not well-formed XML at line 1, column 1: char '{' is not expected.");
  });

  it('says where truncated XML ends and which element is left open', () => {
    const full = codebook(`<Code guid="${G1}" name="A" isCodable="true">\n<Description>text</Description>\n</Code>`);
    const truncated = full.slice(0, full.indexOf('</Code>'));
    expect(problemsOf(readQdc(truncated, 'cut.qdc'))).toEqual([
      { file: 'cut.qdc', line: 4, message: 'the XML ends at line 4 before <Code> (inside CodeBook > Codes > Code) is closed: the file looks truncated' },
    ]);
    expect(problemsOf(readQdc(full.slice(0, full.indexOf('isCodable')), 'cut.qdc'))[0]).toMatchObject({ file: 'cut.qdc', line: 2 });
  });

  it('gives line and column of mismatched tags and repeated attributes', () => {
    expect(problemsOf(readQdc(`<CodeBook ${NS}>\n<Codes>\n</CodeBook>`, 'bad.qdc'))).toEqual([
      { file: 'bad.qdc', line: 3, message: "not well-formed XML at line 3, column 1: Expected closing tag 'Codes' (opened in line 2, col 1) instead of closing tag 'CodeBook'." },
    ]);
    expect(problemsOf(readQdc(codebook(`<Code guid="${G1}" guid="${G1}" name="A" isCodable="true"/>`), 'bad.qdc'))[0]!.message).toMatch(/^not well-formed XML at line 2, column \d+: Attribute 'guid' is repeated\.$/);
  });

  it('refuses bytes that are not UTF-8, naming the byte offset', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<CodeBook name="'), 0xff, ...new TextEncoder().encode('"/>')]);
    expect(problemsOf(readQdc(bytes, 'latin1.qdc'))[0]!.message).toMatch(/^not valid UTF-8: byte 0xFF at byte offset 16/);
  });
});

describe.skipIf(!refiSampleAvailable('taguette141-codebook.qdc'))(`the real Taguette codebook (skipped when absent: ${REFI_SAMPLES_SKIP_REASON})`, () => {
  it('imports every code with lower-cased GUIDs despite the empty <Sets/>', () => {
    const imported = read(readRefiSample('taguette141-codebook.qdc'));
    expect(imported.origin).toBe('Taguette 1.4.1');
    expect(imported.warnings).toEqual([]);
    expect(imported.codes.map((c) => [c.id, c.name, c.parentId, c.order, c.codable])).toEqual([
      ['098ac082-a9c7-50f4-9728-48730081a95e', 'xsd:element name', null, 0, true],
      ['a2209cff-8e89-5b0a-a7b0-cddc4be92936', 'CodeBook', null, 1, true],
      ['dd1b8ad4-9b6e-5be2-bd0b-fde7deafdda4', 'Variables', null, 2, true],
    ]);
  });
});

describe('readQdc: fields another tool cannot write', () => {
  it('marks criteria, examples, shortcut and retired as unknown unless Threadmark wrote the file', () => {
    const xml = (origin: string) => codebook(`<Code guid="${G1}" name="Derailing" isCodable="true"><Description>Moves away.</Description></Code>`, '', `<CodeBook ${NS} origin="${origin}">`);
    expect(read(xml('Taguette 1.4.1')).unknownFields.get(G1)).toEqual(['inclusion', 'exclusion', 'examples', 'shortcut', 'retired']);
    expect(read(xml('Threadmark 0.1.0')).unknownFields.size).toBe(0);
  });
});
