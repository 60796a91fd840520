/** Fuzz: every thread format (shared/import), whole-text and streamed (NDJSON, CSV). */
import fc from 'fast-check';
import { describe, it } from 'vitest';

import { assembleThreads } from '../import/assemble-threads';
import { detectFormat } from '../import/detect-format';
import { listFixtures, readFixtureBytes, readFixtureText, testDeps } from '../import/files.test-helpers';
import { formatParsers } from '../import/formats';
import { memorySource } from '../import/stream/byte-source';
import { readImportSource } from '../import/stream/read-source';
import { byteMutationsOf, expectParsedOrRefused, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, mutationsOf } from './fuzz-kit.test-helpers';

// UTF-8 fixtures by the parser that reads them (the UTF-16 and invalid ones are byte seeds only).
const textFixtures = listFixtures().flatMap((name) => {
  try {
    return [{ name, text: readFixtureText(name) }];
  } catch {
    return [];
  }
});

describe('thread formats: refused with a problem, or parsed', () => {
  for (const parser of formatParsers) {
    const seeds = textFixtures.filter((f) => detectFormat(f.text, formatParsers)?.id === parser.id).map((f) => f.text);
    if (seeds.length === 0) seeds.push('id,text\n1,hello\n', '{"data": []}', 'plain text');
    it(
      parser.id,
      () => {
        fc.assert(
          fc.property(mutationsOf(seeds), (text) => {
            const parsed = parser.parse(text, 'fuzz.file');
            expectParsedOrRefused(parsed);
            // What parses must also assemble (it is what the import stores).
            if (parsed.ok) assembleThreads([{ fileName: 'fuzz.file', parsed: parsed.value }], { hasPost: () => false }, testDeps());
          }),
          fuzzParameters(200),
        );
      },
      FUZZ_TEST_TIMEOUT_MS,
    );
  }

  it(
    'the streamed path (detection, NDJSON lines, CSV rows, chunk boundaries) over mutated bytes',
    async () => {
      const seeds = listFixtures().map(readFixtureBytes);
      await fc.assert(
        fc.asyncProperty(byteMutationsOf(seeds), fc.integer({ min: 1, max: 4096 }), async (bytes, chunk) => {
          expectParsedOrRefused(await readImportSource(memorySource('fuzz.file', bytes, chunk), { parsers: formatParsers, forced: null, mapping: null, streamThreshold: 0 }));
        }),
        fuzzParameters(150),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
