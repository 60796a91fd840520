import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Code } from '../../model/records';
import type { ImportedCodebook } from './imported-codebook';
import { readQdpxCodebook } from './read-qdpx-codebook';
import { DEFAULT_CODE_COLORS } from './refi-values';
import { readQdc } from './read-qdc';
import { guid, readRefiSample, refiSampleAvailable, REFI_SAMPLES_SKIP_REASON, unwrap, validateAgainstCodebookXsd, XMLLINT_AVAILABLE, XMLLINT_SKIP_REASON } from './refi.test-helpers';
import { writeQdc } from './write-qdc';
import { buildZip, type TestZipEntry } from './zip.test-helpers';

const project = (codeBook: string, root = '<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="Test 1.0">'): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n${root}\n<Users><User guid="${guid(90)}" name="u"/></Users>\n${codeBook}\n<Sources/>\n</Project>`;
const CODE_BOOK = `<CodeBook><Codes><Code guid="${guid(1)}" name="Parent" isCodable="false"><Description>Def\n\nShortcut: p</Description><NoteRef targetGUID="${guid(80)}"/><Code guid="${guid(2)}" name="Child" isCodable="true" color="#ABC"/></Code></Codes></CodeBook>`;

const readZip = (entries: TestZipEntry[], limits = {}): ReturnType<typeof readQdpxCodebook> => readQdpxCodebook(buildZip(entries), 'project.qdpx', limits);
const problemOf = async (entries: TestZipEntry[], limits = {}): Promise<string> => {
  const result = await readZip(entries, limits);
  if (result.ok) throw new Error('expected the archive to be refused');
  expect(result.error).toHaveLength(1);
  return result.error[0]!.message;
};

describe('readQdpxCodebook on well-formed archives', () => {
  it("reads the project's CodeBook like a .qdc, with paths under CodeBook/", async () => {
    const imported = unwrap(await readZip([{ name: 'project.qde', data: project(CODE_BOOK) }, { name: 'sources/a.txt', data: 'text' }]));
    expect(imported.origin).toBe('Test 1.0');
    expect(imported.codes.map((c) => [c.id, c.name, c.parentId, c.codable, c.color, c.definition, c.shortcut])).toEqual([
      [guid(1), 'Parent', null, false, DEFAULT_CODE_COLORS[0], 'Def', 'p'],
      [guid(2), 'Child', guid(1), true, '#aabbcc', '', null],
    ]);
    expect(imported.warnings).toEqual([{ file: 'project.qdpx (project.qde)', record: 'CodeBook/Codes', field: 'NoteRef', message: '1 link from codes to project notes (memos) not imported' }]);
  });

  it('names the line in the .qde of a bad code', async () => {
    const bad = `<CodeBook>\n<Codes>\n<Code guid="nope" name="A" isCodable="true"/>\n</Codes>\n</CodeBook>`;
    const result = await readZip([{ name: 'project.qde', data: project(bad) }]);
    expect(result).toEqual({
      ok: false,
      error: [{ file: 'project.qdpx (project.qde)', record: 'CodeBook/Codes/Code[1]', field: 'guid', line: 6, message: '"nope" is not a GUID' }],
    });
  });

  it('finds the .qde whatever its name and case, and tolerates a prefixed namespace', async () => {
    const prefixed = project(CODE_BOOK.replace(/<(\/?)/g, '<$1p:'), '<p:Project xmlns:p="urn:QDA-XML:project:1.0" name="x">').replace(/<(\/?)(Users|User|Sources|Project)\b/g, '<$1p:$2');
    for (const name of ['Trial.qde', 'PROJECT.QDE']) {
      const imported = unwrap(await readZip([{ name, data: prefixed, method: 'store' }]));
      expect(imported.codes).toHaveLength(2);
      expect(imported.warnings.map((w) => w.field)).toEqual(['NoteRef']);
    }
  });

  it('reads a project without a codebook as no codes, with a warning', async () => {
    const imported = unwrap(await readZip([{ name: 'project.qde', data: project('') }]));
    expect(imported.codes).toEqual([]);
    expect(imported.warnings.map((w) => w.message)).toEqual(['the project has no codebook (no <CodeBook> element), so there are no codes to import']);
  });

  it('skips comments and CDATA that mention a CodeBook', async () => {
    const tricky = project(`<!-- <CodeBook><Codes><Code guid="${guid(7)}" name="Fake" isCodable="true"/></Codes></CodeBook> -->${CODE_BOOK}`);
    const imported = unwrap(await readZip([{ name: 'project.qde', data: tricky }]));
    expect(imported.codes.map((c) => c.name)).toEqual(['Parent', 'Child']);
  });

  it('never inflates the sources: a corrupt source does not matter', async () => {
    const corruptSource: TestZipEntry = { name: 'sources/big.txt', data: 'x'.repeat(10_000), declaredCrc: 1 };
    expect(unwrap(await readZip([corruptSource, { name: 'project.qde', data: project(CODE_BOOK) }])).codes).toHaveLength(2);
  });

  it('refuses archives without exactly one .qde at the root', async () => {
    expect(await problemOf([{ name: 'sources/a.txt', data: 'x' }])).toBe('the archive holds no project.qde at its root, so it is not a REFI-QDA project');
    expect(await problemOf([{ name: 'folder/project.qde', data: project(CODE_BOOK) }])).toBe(
      'the archive holds no project.qde at its root, so it is not a REFI-QDA project (found folder/project.qde inside a folder: the project file belongs at the root)',
    );
    expect(await problemOf([{ name: 'a.qde', data: project('') }, { name: 'b.qde', data: project('') }])).toBe('the archive holds 2 project files (a.qde, b.qde); a .qdpx holds exactly one');
  });

  it('refuses a .qde that is not a project, or whose XML breaks', async () => {
    expect(await problemOf([{ name: 'project.qde', data: `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>` }])).toBe(
      'the root element is <CodeBook>, not <Project>, so this is not a REFI-QDA project file',
    );
    const truncated = project(CODE_BOOK).slice(0, project(CODE_BOOK).indexOf('</Codes>'));
    expect(await problemOf([{ name: 'project.qde', data: truncated }])).toBe('not well-formed XML at line 4: the CodeBook element is never closed (is the file truncated?)');
    expect(await problemOf([{ name: 'project.qde', data: `<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>${project(CODE_BOOK)}` }])).toMatch(/declares a DOCTYPE/);
  });
});

describe('readQdpxCodebook on hostile archives (docs/reliability.md, "Zip archives (.qdpx)")', () => {
  const qde: TestZipEntry = { name: 'project.qde', data: project(CODE_BOOK) };

  it.each([
    ['../../evil.txt', 'it points outside the archive (..)'],
    ['/abs/evil.txt', 'it is an absolute path'],
    ['sources\\..\\..\\win.txt', 'it contains a backslash, which Windows reads as a folder separator'],
    ['sources\\plain.txt', 'it contains a backslash, which Windows reads as a folder separator'],
    ['C:/windows/evil.txt', 'it starts with a drive letter'],
    ['sources/../../x.txt', 'it points outside the archive (..)'],
    ['a\0b.txt', 'it contains a NUL character'],
  ])('refuses the whole archive for the entry name %j', async (name, why) => {
    expect(await problemOf([qde, { name, data: 'evil' }])).toBe(`unsafe entry name "${name}": ${why}. The whole archive is refused`);
  });

  it('refuses an archive with too many entries', async () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `sources/${i}.txt`, data: '' }));
    expect(await problemOf([qde, ...many], { maxEntries: 10 })).toBe('the archive has more than 10 entries, more than a REFI-QDA project holds here, so it was not read');
  });

  it('refuses a .qde declaring more than the cap before inflating anything', async () => {
    const bomb: TestZipEntry = { name: 'project.qde', data: new Uint8Array(20 * 1024 * 1024) };
    const zip = buildZip([bomb]);
    // "Before inflating anything": no decompressor is ever made (how fast is the bench's business).
    let decompressors = 0;
    const Platform = globalThis.DecompressionStream;
    vi.stubGlobal('DecompressionStream', class extends Platform {
      constructor(format: CompressionFormat) {
        super(format);
        decompressors++;
      }
    });
    const result = await readQdpxCodebook(zip, 'project.qdpx', { maxQdeBytes: 1024 * 1024 });
    vi.unstubAllGlobals();
    expect(result.ok ? null : result.error.map((p) => p.message)).toEqual(['project.qde inflates to 20 MB, over the 1 MB limit, so it was not read']);
    expect(decompressors).toBe(0);
  });

  it('refuses a header claiming 1 GiB with the default limits, without inflating', async () => {
    const claimed: TestZipEntry = { ...qde, declaredSize: 1024 * 1024 * 1024 };
    expect(await problemOf([claimed])).toBe('project.qde inflates to 1 GB, over the 200 MB limit, so it was not read');
  });

  it.each([
    ['deflated', 'deflate'],
    ['stored', 'store'],
  ] as const)('refuses a %s entry inflating to far more than its header says', async (_label, method) => {
    // Inflating stops at the first byte past the declared size: the message says so (how fast is the bench's business).
    const lie: TestZipEntry = { name: 'project.qde', data: new Uint8Array(50 * 1024 * 1024), declaredSize: 100, method };
    expect(await problemOf([lie])).toBe('the archive is corrupt or has been tampered with: Invalid uncompressed size');
  });

  it('refuses a corrupt deflate stream and a wrong CRC', async () => {
    const zip = buildZip([qde]);
    const flipped = zip.slice();
    flipped[60] = flipped[60]! ^ 0xff;
    // The inflater's own words follow (Node's zlib and Chromium word it differently).
    expect(await readQdpxCodebook(flipped, 'flipped.qdpx')).toEqual({
      ok: false,
      error: [{ file: 'flipped.qdpx', record: 'project.qde', message: expect.stringMatching(/^the archive is corrupt or has been tampered with: the compressed data is invalid \(.+\)$/) as string }],
    });
    expect(await problemOf([{ ...qde, declaredCrc: 12345 }])).toBe('the archive is corrupt or has been tampered with: Invalid CRC32');
  });

  it('refuses files that are not zip archives, or are cut short', async () => {
    const notZip = new TextEncoder().encode(project(CODE_BOOK));
    const zip = buildZip([qde]);
    for (const bytes of [notZip, zip.slice(0, zip.length - 30), new Uint8Array(0)]) {
      const result = await readQdpxCodebook(bytes, 'x.qdpx');
      expect(result.ok ? null : result.error[0]!.message).toMatch(/^not a zip archive, or a truncated one/);
    }
  });

  it('refuses an archive over the archive size limit without opening it', async () => {
    expect(await problemOf([qde], { maxArchiveBytes: 100 })).toMatch(/^the archive is \d+ bytes, over the 100 bytes limit, so it was not read$/);
  });
});

describe('the zip reader runs in the calling thread', () => {
  const realWorker = (globalThis as { Worker?: unknown }).Worker;
  afterEach(() => {
    (globalThis as { Worker?: unknown }).Worker = realWorker;
  });

  it('never constructs a Worker, even where Worker exists', async () => {
    let spawned = 0;
    (globalThis as { Worker?: unknown }).Worker = class {
      constructor() {
        spawned++;
        throw new Error('no workers here');
      }
    };
    expect(unwrap(await readZip([{ name: 'project.qde', data: project(CODE_BOOK) }])).codes).toHaveLength(2);
    expect(spawned).toBe(0);
  });
});

function depthOf(code: Code, byId: ReadonlyMap<string, Code>): number {
  let depth = 1;
  for (let parent = code.parentId; parent !== null; parent = byId.get(parent)?.parentId ?? null) depth++;
  return depth;
}

function levels(imported: ImportedCodebook): number[] {
  const byId = new Map(imported.codes.map((c) => [c.id, c]));
  const counts: number[] = [];
  for (const code of imported.codes) {
    const depth = depthOf(code, byId);
    counts[depth - 1] = (counts[depth - 1] ?? 0) + 1;
  }
  return counts;
}

function expectWellFormedTree(imported: ImportedCodebook): void {
  const seen = new Set<string>();
  for (const code of imported.codes) {
    if (code.parentId !== null) expect(seen.has(code.parentId)).toBe(true);
    seen.add(code.id);
    expect(code.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  }
  expect(seen.size).toBe(imported.codes.length);
}

describe.skipIf(!refiSampleAvailable('nvivo15-mac-codebook.qdpx'))(`the real REFI-QDA projects (skipped when absent: ${REFI_SAMPLES_SKIP_REASON})`, () => {
  // Per depth from the top: 262 codes; the deepest branch (…> stem > math > algebra) is 7 levels.
  const CS_EDUCATION_LEVELS = [3, 18, 112, 91, 26, 9, 3];

  it('NVivo 15 (Mac): all 262 codes at every level', async () => {
    const imported = unwrap(await readQdpxCodebook(readRefiSample('nvivo15-mac-codebook.qdpx'), 'nvivo.qdpx'));
    expect(imported.origin).toBe('NVivo for Mac 15.0.0');
    expect(imported.codes).toHaveLength(262);
    expect(levels(imported)).toEqual(CS_EDUCATION_LEVELS);
    expect(Math.max(...imported.codes.map((c) => depthOf(c, new Map(imported.codes.map((x) => [x.id, x])))))).toBe(7);
    expect(imported.codes.slice(0, 3).map((c) => c.name)).toEqual(['rq1_definition', 'competencies', 'programming']);
    expect(imported.warnings).toEqual([]);
    expectWellFormedTree(imported);
  });

  const nvivoAsQdc = async (): Promise<{ codes: Code[]; qdc: string }> => {
    const { codes } = unwrap(await readQdpxCodebook(readRefiSample('nvivo15-mac-codebook.qdpx'), 'nvivo.qdpx'));
    return { codes, qdc: unwrap(writeQdc(codes, { origin: 'Threadmark test' })) };
  };

  it('NVivo 15 codes written as a .qdc read back identically', async () => {
    const { codes, qdc } = await nvivoAsQdc();
    expect(unwrap(readQdc(qdc, 'nvivo.qdc')).codes).toEqual(codes);
  });

  it.skipIf(!XMLLINT_AVAILABLE)(`NVivo 15 codes written as a .qdc validate against Codebook.xsd (skipped when absent: ${XMLLINT_SKIP_REASON})`, async () => {
    expect(validateAgainstCodebookXsd((await nvivoAsQdc()).qdc)).toMatchObject({ valid: true });
  });

  it('qc 1.3.2 (QualCoder-style export with selections): the same 262 codes', async () => {
    const imported = unwrap(await readQdpxCodebook(readRefiSample('qc132-demo.qdpx'), 'qc.qdpx'));
    expect(imported.origin).toBe('qc 1.3.2');
    expect(levels(imported)).toEqual(CS_EDUCATION_LEVELS);
    expectWellFormedTree(imported);
  });

  it('ATLAS.ti 23: a code group with two codes, upper-case GUIDs lower-cased', async () => {
    const imported = unwrap(await readQdpxCodebook(readRefiSample('atlasti23-codegroup.qdpx'), 'atlas.qdpx'));
    expect(imported.origin).toBe('ATLAS.ti for Windows 23.2.3.27778');
    expect(imported.codes.map((c) => [c.id, c.name, c.parentId, c.order])).toEqual([
      ['a182cd3a-d83c-4d8c-bc80-26d9103ec6d6', 'Commits', null, 0],
      ['2d2466f0-d77f-4f8c-bdf9-628966b6b74d', '2022-05-10T02:05:59Z 19e4dce', 'a182cd3a-d83c-4d8c-bc80-26d9103ec6d6', 0],
      ['086ac733-7b1c-4749-a138-d7182f63a5c9', '2022-02-11T10:39:25Z cdbfd92', 'a182cd3a-d83c-4d8c-bc80-26d9103ec6d6', 1],
    ]);
  });

  it('ATLAS.ti 23 blank project: no codebook, no codes', async () => {
    const imported = unwrap(await readQdpxCodebook(readRefiSample('atlasti23-blank.qdpx'), 'blank.qdpx'));
    expect(imported.codes).toEqual([]);
    expect(imported.warnings.map((w) => w.message)).toEqual(['the project has no codebook (no <CodeBook> element), so there are no codes to import']);
  });
});
