/** Fuzz: REFI-QDA codebooks (.qdc) and projects (.qdpx: the project.qde and the archive itself). */
import fc from 'fast-check';
import { describe, it } from 'vitest';

import { exampleBundle } from '../bundle/fixtures.test-helpers';
import { readCodebookBytes } from '../codebook/read-codebook-bytes';
import { readQdc } from '../codebook/refi/read-qdc';
import { writeQdc } from '../codebook/refi/write-qdc';
import { buildZip } from '../codebook/refi/zip.test-helpers';
import { prepareQdpxImport } from '../refi/prepare-qdpx-import';
import { generatedBundle } from '../refi/qdpx.test-helpers';
import { projectQdpxParts } from '../refi/write-project-qde';
import { writeQdpx } from '../refi/write-qdpx';
import { byteMutationsOf, expectParsedOrRefused, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, mutationsOf } from './fuzz-kit.test-helpers';

const ids = { newId: (() => { let n = 0; return () => `fuzz-${++n}`; })() };

function qdcSeed(): string {
  const codes = generatedBundle(1, 1).codes.map((c, i) => ({ ...c, definition: `Definition ${i} & <more>`, inclusion: 'when', examples: ['one', 'two'], shortcut: String(i) }));
  const written = writeQdc([...codes, { ...codes[0]!, id: '00000000-0000-4000-8000-0000000000aa', name: 'Child', parentId: codes[0]!.id }], { origin: 'fuzz' });
  if (!written.ok) throw new Error(written.error.join('; '));
  return written.value;
}

describe('REFI-QDA: refused with a problem, or parsed', () => {
  it(
    '.qdc text',
    () => {
      fc.assert(fc.property(mutationsOf([qdcSeed()]), (text) => expectParsedOrRefused(readQdc(text, 'fuzz.qdc'))), fuzzParameters());
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    '.qdc bytes',
    async () => {
      await fc.assert(
        fc.asyncProperty(byteMutationsOf([new TextEncoder().encode(qdcSeed())]), async (bytes) => expectParsedOrRefused(await readCodebookBytes('qdc', bytes, 'fuzz.qdc', ids))),
        fuzzParameters(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    '.qdpx: a mutated project.qde in a sound archive',
    async () => {
      const parts = projectQdpxParts(generatedBundle(2, 3), { origin: 'fuzz', positions: 'code-points' });
      if (!parts.ok) throw new Error(parts.error.join('; '));
      const sources = parts.value.sources.map((s) => ({ name: s.path, data: s.text }));
      await fc.assert(
        fc.asyncProperty(mutationsOf([new TextDecoder().decode(parts.value.qde)]), async (qde) => {
          const bytes = buildZip([{ name: 'project.qde', data: qde }, ...sources]);
          expectParsedOrRefused(await prepareQdpxImport(bytes, 'fuzz.qdpx', { split: 'paragraph', at: '2025-01-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'fuzz' } }));
          expectParsedOrRefused(await readCodebookBytes('qdpx', bytes, 'fuzz.qdpx', ids));
        }),
        fuzzParameters(150),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    '.qdpx: the archive bytes themselves',
    async () => {
      const written = await writeQdpx(exampleBundle(), { origin: 'fuzz', positions: 'code-points' });
      if (!written.ok) throw new Error(written.error.join('; '));
      await fc.assert(
        fc.asyncProperty(byteMutationsOf([written.value]), async (bytes) => {
          expectParsedOrRefused(await prepareQdpxImport(bytes, 'fuzz.qdpx', { split: 'paragraph', at: '2025-01-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'fuzz' } }));
        }),
        fuzzParameters(150),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
