import { describe, expect, it } from 'vitest';

import { writeQdpx } from '../../refi/write-qdpx';
import { generatedBundle, withMemosAttributesRelations } from '../../refi/qdpx.test-helpers';
import { demoBundle, unzipText } from '../../refi/refi-project.test-helpers';
import { parseXmlDocument, readWithFastXmlParser } from './parse-xml';
import { comparableRead, readRefiSample, refiSampleAvailable, REFI_SAMPLES_SKIP_REASON } from './refi.test-helpers';
import { saxTree } from './sax-tree';

const OPTIONS = { maxDepth: 64 };
const lineOf = (text: string) => (offset: number) => text.slice(0, offset).split('\n').length;

/** The fast path's tree equals the fast-xml-parser path's, element by element, lines included. */
function expectSameTree(xml: string): void {
  const reference = readWithFastXmlParser(xml, 'x.xml', OPTIONS);
  if (!reference.ok) throw new Error(JSON.stringify(reference.error));
  const fast = saxTree(xml, OPTIONS.maxDepth, lineOf(xml));
  expect(fast).not.toBeNull();
  expect(fast).toEqual(reference.value);
}

describe('saxTree', () => {
  it('builds the tree fast-xml-parser builds: mixed children regrouped by name, text, CDATA, entities, prefixes, lines', () => {
    expectSameTree(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!-- a comment --><q:Project xmlns:q="urn:QDA-XML:project:1.0" name="A &amp; B &#10;&#9;&#13;&quot;x&quot;">',
        '  <q:Users><q:User guid="1" name="Ada"/></q:Users>',
        '  <Note guid="n">before<Code guid="c1"/>middle<?pi data?><Tag/>after<Code',
        '      guid="c2"',
        '      name="on three lines"/><![CDATA[<raw> & ]]>&lt;&gt;&apos;&#x1F642;</Note>',
        '  <Empty></Empty>',
        '</q:Project>',
        '',
      ].join('\n'),
    );
  });

  it('builds the same tree for every project.qde the exporter writes', async () => {
    for (const bundle of [demoBundle(), withMemosAttributesRelations(generatedBundle(3, 4))]) {
      const written = await writeQdpx(bundle, { origin: 'Threadmark test', positions: 'code-points' });
      if (!written.ok) throw new Error(written.error.join('; '));
      expectSameTree((await unzipText(written.value)).get('project.qde')!);
    }
  });

  it.each([
    ['a CR (XML would make CR LF into LF; the other path keeps it)', '<a>x\r\ny</a>'],
    ['malformed XML (the other path says where)', '<a><b></a>'],
    ['an entity XML does not define', '<a>&nbsp;</a>'],
    ['an element named after an object property', '<a><__proto__/></a>'],
    ['a prefixed one', '<a><x:constructor xmlns:x="urn:x"/></a>'],
    ['an attribute named after one', '<a toString="1"/>'],
    ['nesting at the cap', `${'<a>'.repeat(64)}${'</a>'.repeat(64)}`],
  ])('gives up on %s, and parseXmlDocument still answers as before', (_, xml) => {
    expect(saxTree(xml, OPTIONS.maxDepth, lineOf(xml))).toBeNull();
    expect(parseXmlDocument(xml, 'x.xml', OPTIONS)).toEqual(readWithFastXmlParser(xml, 'x.xml', OPTIONS));
  });
});

const SAMPLES = ['atlasti23-blank.qdpx', 'atlasti23-codegroup.qdpx', 'nvivo15-mac-codebook.qdpx', 'qc132-demo.qdpx'];

describe.skipIf(!SAMPLES.every(refiSampleAvailable))(`saxTree on the real samples (skipped when absent: ${REFI_SAMPLES_SKIP_REASON})`, () => {
  it.each(SAMPLES)('%s: parseXmlDocument gives the tree fast-xml-parser gives', async (name) => {
    const files = await unzipText(readRefiSample(name));
    const [, qde] = [...files].find(([file]) => file.toLowerCase().endsWith('.qde'))!;
    const text = qde.replace(/^\uFEFF/, '');
    expect(comparableRead(parseXmlDocument(text, name, OPTIONS))).toEqual(comparableRead(readWithFastXmlParser(text, name, OPTIONS)));
  });
});
