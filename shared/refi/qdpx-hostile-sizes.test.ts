/** Issue 14: a .qdpx of 100,000 codes froze the app 20 s, one of 2.5 M took a minute and 3.5 GB. */
import { describe, expect, it } from 'vitest';

import { MAX_CODE_DEPTH, MAX_CODES } from '../codebook/code-limits';
import { readQdpxCodebook } from '../codebook/refi/read-qdpx-codebook';
import { buildZip } from '../codebook/refi/zip.test-helpers';
import { guid } from '../codebook/refi/refi.test-helpers';
import { readQdpxProject } from './read-qdpx-project';

const NS = 'xmlns="urn:QDA-XML:project:1.0"';

function qdpx(codes: string): Uint8Array {
  const qde = `<?xml version="1.0" encoding="utf-8"?>\n<Project ${NS} name="P">\n<CodeBook>\n<Codes>\n${codes}\n</Codes>\n</CodeBook>\n</Project>\n`;
  return buildZip([{ name: 'project.qde', data: qde }]);
}

const flat = (count: number): string => Array.from({ length: count }, (_, i) => `<Code guid="${guid(i + 1)}" name="C${i}" isCodable="true"/>`).join('\n');
const nested = (levels: number): string => Array.from({ length: levels }, (_, i) => `<Code guid="${guid(i + 1)}" name="L${i}" isCodable="true">`).join('') + '</Code>'.repeat(levels);

describe('a .qdpx past the codebook caps is refused before its XML is parsed', () => {
  const many = qdpx(flat(100_000));

  it('100,000 codes: the project import names the file and the line of the first code over the cap', async () => {
    const read = await readQdpxProject(many, 'many.qdpx');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toEqual([{ file: 'many.qdpx (project.qde)', line: MAX_CODES + 5, record: 'Code', message: `the codebook holds over ${MAX_CODES.toLocaleString('en')} codes, more than the ${MAX_CODES.toLocaleString('en')} Threadmark accepts, so the file was not read` }]);
  });

  it('100,000 codes: the codebook import (--codebook-only, Codebook → Import) the same', async () => {
    const read = await readQdpxCodebook(many, 'many.qdpx');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error[0]).toMatchObject({ file: 'many.qdpx (project.qde)', line: MAX_CODES + 5, record: 'Code' });
  });

  it(`codes nested ${MAX_CODE_DEPTH + 1} deep: the deepest is named by its element path`, async () => {
    const read = await readQdpxProject(qdpx(nested(MAX_CODE_DEPTH + 1)), 'deep.qdpx');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toEqual([{ file: 'deep.qdpx (project.qde)', line: 5, record: `CodeBook/Codes${'/Code[1]'.repeat(MAX_CODE_DEPTH + 1)}`, message: `it is nested ${MAX_CODE_DEPTH + 1} levels deep, deeper than the ${MAX_CODE_DEPTH} levels Threadmark accepts` }]);
    expect((await readQdpxProject(qdpx(nested(MAX_CODE_DEPTH)), 'fits.qdpx')).ok).toBe(true);
  });
});
