/** Fuzz: the bundle reader and validator, and the CSV tables: codebook, units (agree --units), attributes. */
import fc from 'fast-check';
import { describe, it } from 'vitest';

import { parseUnitsCsv } from '../agreement/units-csv';
import { planAttributeCsv } from '../analysis/attributes/attributes-csv';
import { exampleBundle } from '../bundle/fixtures.test-helpers';
import { serializeBundle } from '../bundle/serialize';
import { parseBundleText, validateBundle } from '../bundle/validate';
import { codebookCsv, readCodebookCsv } from '../codebook/codebook-csv';
import { expectParsedOrRefused, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, mutationsOf } from './fuzz-kit.test-helpers';

const ids = { newId: (() => { let n = 0; return () => `fuzz-${++n}`; })() };

describe('bundles: refused with a problem, or parsed', () => {
  it(
    'the text of a bundle (JSON syntax, duplicate keys, every record rule)',
    () => {
      fc.assert(fc.property(mutationsOf([serializeBundle(exampleBundle())]), (text) => expectParsedOrRefused(parseBundleText(text))), fuzzParameters());
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'a record replaced by any JSON value',
    () => {
      const arrays = ['threads', 'posts', 'codes', 'coders', 'codings', 'journal', 'codebookVersions', 'assignments'] as const;
      fc.assert(
        fc.property(fc.constantFrom(...arrays), fc.nat(), fc.jsonValue({ maxDepth: 4 }), fc.string(), (array, index, value, key) => {
          const json = JSON.parse(serializeBundle(exampleBundle())) as Record<string, unknown[]>;
          const records = json[array] ?? [];
          if (records.length > 0 && index % 2 === 0) records[index % records.length] = value;
          else if (records.length > 0) (records[index % records.length] as Record<string, unknown>)[key] = value;
          else json[array] = [value];
          expectParsedOrRefused(validateBundle(json));
        }),
        fuzzParameters(),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});

describe('CSV tables: refused with a problem, or parsed', () => {
  it(
    'a codebook CSV',
    () => {
      const seed = codebookCsv(exampleBundle().codes, { mode: 'raw' });
      fc.assert(fc.property(mutationsOf([seed, seed.replaceAll(',', ';')]), (text) => expectParsedOrRefused(readCodebookCsv(text, 'fuzz.csv', ids))), fuzzParameters());
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'a units CSV (threadmark agree --units)',
    () => {
      const seed = 'unit,coder,value\nu1,ana,1\nu1,ben,2\n"u,2",ana,\nu2,"b""en",3.5\n';
      fc.assert(fc.property(mutationsOf([seed]), (text) => expectParsedOrRefused(parseUnitsCsv(text))), fuzzParameters());
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'an attributes CSV',
    () => {
      const seed = 'author,age,joined,role\nana,31,2024-01-02,"mod, senior"\nben,,2023-12-31,user\n';
      const stored = { attributes: [], values: [], cases: new Set(['ana', 'ben']) };
      fc.assert(fc.property(mutationsOf([seed]), (text) => expectParsedOrRefused(planAttributeCsv('author', text, 'fuzz.csv', stored, '2025-01-01T00:00:00.000Z', ids))), fuzzParameters());
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
