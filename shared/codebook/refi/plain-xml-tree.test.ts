import { describe, expect, it } from 'vitest';

import { writeQdpx } from '../../refi/write-qdpx';
import { generatedBundle, withMemosAttributesRelations } from '../../refi/qdpx.test-helpers';
import { demoBundle, unzipText } from '../../refi/refi-project.test-helpers';
import { parseXmlDocument, readWithFastXmlParser } from './parse-xml';
import { plainXmlTree } from './plain-xml-tree';
import { comparableRead, comparableTree, readRefiSample, refiSampleAvailable, REFI_SAMPLES_SKIP_REASON } from './refi.test-helpers';
import { saxTree } from './sax-tree';
import type { XmlElement } from './xml-element';
import { rejectForbiddenChars } from './xml-guard';

const OPTIONS = { maxDepth: 64 };
const lineOf = (text: string) => (offset: number) => text.slice(0, offset).split('\n').length;

/** The plain scan takes the document and builds exactly saxes's tree (and fast-xml-parser's). */
function expectSameTree(xml: string): void {
  const plain = plainXmlTree(xml, OPTIONS.maxDepth, lineOf(xml));
  expect(plain).not.toBeNull();
  expect(comparableTree(plain)).toEqual(comparableTree(saxTree(xml, OPTIONS.maxDepth, lineOf(xml))));
  const reference = readWithFastXmlParser(xml, 'x.xml', OPTIONS);
  if (!reference.ok) throw new Error(JSON.stringify(reference.error));
  expect(comparableTree(plain)).toEqual(comparableTree(reference.value));
  // Each attribute as readers ask for it, by name, agrees with the whole list.
  const walk = (element: XmlElement): void => {
    for (const [name, value] of new Map(element.attributes)) expect(element.attributes.get(name)).toBe(value);
    element.children.forEach(walk);
  };
  walk(plain!);
}

/** The plain scan gives up, and parseXmlDocument answers as it did before it: the guard, then saxes, then fast-xml-parser. */
function expectGivesUp(xml: string): void {
  expect(plainXmlTree(xml, OPTIONS.maxDepth, lineOf(xml))).toBeNull();
  const forbidden = rejectForbiddenChars(xml, 'x.xml');
  const sax = saxTree(xml, OPTIONS.maxDepth, lineOf(xml));
  const before = forbidden ? { ok: false, error: forbidden } : sax ? { ok: true, value: sax } : readWithFastXmlParser(xml, 'x.xml', OPTIONS);
  expect(parseXmlDocument(xml, 'x.xml', OPTIONS)).toEqual(before);
}

describe('plainXmlTree', () => {
  it.each([
    ['a declaration, prefixes, mixed children, text between them, lines', ['<?xml version="1.0" encoding="UTF-8"?>', '<q:Project xmlns:q="urn:x" name="A">', '  <q:User guid="1"/>', '  <Note>before<Code guid="c1"/>middle<Tag/>after<Code', '      guid="c2"', "      name='single &apos;quoted&apos;'/></Note>", '  <Empty></Empty>', '</q:Project>', ''].join('\n')],
    ['every predefined entity and numeric references, in text and attributes', '<a v="&lt;&gt;&amp;&apos;&quot;&#10;&#9;&#13;&#x1F642;&#233;">&lt;b&gt; &amp; &#xD;&#10;&#x1f642;&#0233; x &gt; y</a>'],
    ['no declaration, white space in tags and around the root', '\n  <a  x = "1"\ty="2" ><b /><c></c ></a >\n\n'],
    ['a declaration with standalone and single quotes', "<?xml version='1.0' encoding='utf-8' standalone='yes'?><a/>"],
    ['astral characters and ZWJ sequences before elements (lines stay true)', '<a>👩‍👩‍👧\n🙂<b x="🙂"/>\n<c/></a>'],
    ['a `>` in an attribute value and in text', '<a x="1 > 0">2 > 1</a>'],
    ['names with digits, dots, hyphens and underscores', '<_a.b-1 c_d.e-2="v"><x1/></_a.b-1>'],
    ['the same white space around many children, and text after it (pieces joined once, then shared)', `<a>\n ${'<b>\n  <c/>\n  <c/>\n </b>\n '.repeat(3)}<b>\n  <c/>x\n </b>\n\t</a>`],
    ['names and white space of the same length and first character (each made once, then compared)', '<ab ac="1" ad="2"><ac>\n <ad/>\t\n<ab/>  </ac><ad/> \n</ab>'],
  ])('reads %s as saxes does', (_, xml) => expectSameTree(xml));

  it('reads every project.qde the exporter writes as saxes does', async () => {
    for (const bundle of [demoBundle(), withMemosAttributesRelations(generatedBundle(3, 4))]) {
      for (const positions of ['code-points', 'utf16'] as const) {
        const written = await writeQdpx(bundle, { origin: 'Threadmark test', positions });
        if (!written.ok) throw new Error(written.error.join('; '));
        expectSameTree((await unzipText(written.value)).get('project.qde')!);
      }
    }
  });

  it.each([
    ['a comment', '<a><!-- c --></a>'],
    ['a comment before the root', '<!-- c --><a/>'],
    ['CDATA', '<a><![CDATA[<x>]]></a>'],
    ['a processing instruction', '<a><?pi data?></a>'],
    ['a declaration naming another encoding', '<?xml version="1.0" encoding="ISO-8859-1"?><a/>'],
    ['XML 1.1', '<?xml version="1.1"?><a/>'],
    ['a declaration not at the start', ' <?xml version="1.0"?><a/>'],
    ['a byte order mark', '\uFEFF<a/>'],
    ['a non-ASCII name', '<ä/>'],
    ['a literal tab in an attribute value (XML makes it a space)', '<a x="1\t2"/>'],
    ['a literal line break in an attribute value', '<a x="1\n2"/>'],
    ['a CR anywhere', '<a>x\r\ny</a>'],
    ['`]]>` in text', '<a>]]></a>'],
    ['an entity XML does not define', '<a>&nbsp;</a>'],
    ['an entity in an attribute XML does not define', '<a x="&nbsp;"/>'],
    ['a bare ampersand', '<a>a & b</a>'],
    ['an unterminated reference', '<a>&amp</a>'],
    ['a reference to a character XML forbids', '<a>&#0;</a>'],
    ['a reference to a surrogate', '<a x="&#xD800;"/>'],
    ['a reference past U+10FFFF', '<a>&#x110000;</a>'],
    ['a `<` in an attribute value', '<a x="<"/>'],
    ['a mismatched end tag', '<a><b></a>'],
    ['an end tag that only starts like the open one', '<ab></abc>'],
    ['an unclosed element', '<a><b/>'],
    ['an end tag with nothing open', '<a/></a>'],
    ['two roots', '<a/><b/>'],
    ['text outside the root', '<a/>x'],
    ['text before the root', 'x<a/>'],
    ['no root', '<?xml version="1.0"?>'],
    ['attributes without space between', '<a x="1"y="2"/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an attribute without a value', '<a x/>'],
    ['an unquoted attribute value', '<a x=1/>'],
    ['an unterminated attribute value', '<a x="1/>'],
    ['a name with two colons', '<a:b:c/>'],
    ['a name ending in a colon', '<a:/>'],
    ['a name starting with a digit', '<a><1/></a>'],
    ['a slash not before `>`', '<a/ x="1">'],
    ['an element named after an object property', '<a><__proto__/></a>'],
    ['a prefixed one', '<a><x:constructor xmlns:x="urn:x"/></a>'],
    ['an attribute named after one', '<a toString="1"/>'],
    ['nesting at the cap', `${'<a>'.repeat(64)}${'</a>'.repeat(64)}`],
    ['a DTD', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
  ])('gives up on %s, and parseXmlDocument answers as before', (_, xml) => expectGivesUp(xml));

  it('answers each attribute by its exact name, in either quote, past `>` and `/` in values, and nothing for a name not there', () => {
    const xml = `<a guidx="1" guid='say "2"' xmlns:q="urn:q" q:guid="3 > /" e="&lt;&#x1F642;"><b/><c x="" /></a>`;
    expectSameTree(xml);
    const root = plainXmlTree(xml, OPTIONS.maxDepth, lineOf(xml))!;
    expect([root.attributes.get('guid'), root.attributes.get('guidx'), root.attributes.get('q:guid'), root.attributes.get('e')]).toEqual(['say "2"', '1', '3 > /', '<🙂']);
    expect([root.attributes.get('gui'), root.attributes.get('guidxx'), root.attributes.get('q')]).toEqual([undefined, undefined, undefined]);
    const [b, c] = root.children;
    expect([[...b!.attributes], [...c!.attributes], c!.attributes.get('x')]).toEqual([[], [['x', '']], '']);
  });

  it('gives lines from any order of asking, as a count of the newlines before (parseXmlDocument)', () => {
    const xml = '<a>\n<b>\n\n<c/></b>\n<d\n x="1"/></a>';
    const read = parseXmlDocument(xml, 'x.xml', OPTIONS);
    if (!read.ok) throw new Error(read.error.message);
    const lines = (e: XmlElement): unknown => [e.name, e.line, e.children.map(lines)];
    expect(lines(read.value)).toEqual(['a', 1, [['b', 2, [['c', 4, []]]], ['d', 5, []]]]);
    // fast-xml-parser's path asks for a parent's line after its children's.
    const reference = readWithFastXmlParser(xml, 'x.xml', OPTIONS);
    if (!reference.ok) throw new Error(reference.error.message);
    expect(lines(reference.value)).toEqual(lines(read.value));
  });

  it('nests to one below the cap, as saxes does', () => {
    expectSameTree(`${'<a>'.repeat(62)}${'</a>'.repeat(62)}`);
  });
});

const SAMPLES = ['atlasti23-blank.qdpx', 'atlasti23-codegroup.qdpx', 'nvivo15-mac-codebook.qdpx', 'qc132-demo.qdpx'];

describe.skipIf(!SAMPLES.every(refiSampleAvailable))(`plainXmlTree on the real samples (skipped when absent: ${REFI_SAMPLES_SKIP_REASON})`, () => {
  it.each(SAMPLES)('%s: the plain scan reads it as saxes does, or leaves it to saxes', async (name) => {
    const files = await unzipText(readRefiSample(name));
    const [, qde] = [...files].find(([file]) => file.toLowerCase().endsWith('.qde'))!;
    const text = qde.replace(/^\uFEFF/, '');
    const plain = plainXmlTree(text, OPTIONS.maxDepth, lineOf(text));
    if (plain !== null) expect(comparableTree(plain)).toEqual(comparableTree(saxTree(text, OPTIONS.maxDepth, lineOf(text))));
    expect(comparableRead(parseXmlDocument(text, name, OPTIONS))).toEqual(comparableRead(readWithFastXmlParser(text, name, OPTIONS)));
  });
});
