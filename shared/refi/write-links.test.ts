import { describe, expect, it } from 'vitest';

import { parseBundleText } from '../bundle/validate';
import { XMLLINT_AVAILABLE, XMLLINT_SKIP_REASON } from '../codebook/refi/refi.test-helpers';
import { MemoryProjectStore } from '../project/memory-store';
import { counterIds, steppingClock } from '../project/testing/core-fixtures.test-helpers';
import { runRelationsScript } from '../project/testing/relations-script.test-helpers';
import { unzipText, validateAgainstProjectXsd } from './refi-project.test-helpers';
import { writeQdpx } from './write-qdpx';

async function relationsBundle() {
  const parsed = parseBundleText(await runRelationsScript(new MemoryProjectStore(), { clock: steppingClock(), ids: counterIds() }));
  if (!parsed.ok) throw new Error('valid');
  return parsed.value;
}

async function qde(positions: 'code-points' | 'utf16' = 'code-points'): Promise<string> {
  const written = await writeQdpx(await relationsBundle(), { origin: 'Threadmark test', positions });
  if (!written.ok) throw new Error(written.error.join('\n'));
  return (await unzipText(written.value)).get('project.qde')!;
}

describe('relations in a .qdpx', () => {
  it('become Links between the selections of their ends, named, directed and coloured, a memo as a Note', async () => {
    const xml = await qde();
    const links = [...xml.matchAll(/<Link guid="[^"]+" name="([^"]+)" direction="OneWay" color="(#[0-9a-f]{6})" originGUID="([^"]+)" targetGUID="([^"]+)"/g)];
    const bundle = await relationsBundle();
    expect(links.map((l) => l[1])).toEqual(bundle.relations!.map((r) => bundle.relationCodes!.find((c) => c.id === r.relationCodeId)!.name));
    for (const link of links) {
      expect(xml).toContain(`<PlainTextSelection guid="${link[3]}"`);
      expect(xml).toContain(`<PlainTextSelection guid="${link[4]}"`);
    }
    expect(xml).toMatch(/<Note guid="[^"]+" name="Relation memo">\n\s*<PlainTextContent>the family as a shield<\/PlainTextContent>/);
    // The span end of 👩‍👩‍👧 (code points 11–16 of p-2) sits after p-2's header line in the thread text.
    const sources = [...xml.matchAll(/name="deflects to \(source\)" startPosition="(\d+)" endPosition="(\d+)"/g)].map((m) => Number(m[2]) - Number(m[1]));
    // Ben's whole post p-2 (26 code points), Ada's span, Ben's whole post p-3.
    expect(sources.sort((a, b) => a - b)).toEqual([5, 26, 27]);
  });

  it.skipIf(!XMLLINT_AVAILABLE)(`stays valid against Project.xsd with Links, in both position units (skipped without xmllint: ${XMLLINT_SKIP_REASON})`, async () => {
    for (const positions of ['code-points', 'utf16'] as const) {
      const verdict = validateAgainstProjectXsd(await qde(positions));
      expect(verdict.output).toContain('validates');
      expect(verdict.valid).toBe(true);
    }
  });
});
