/** Fuzz: the annotation readers (W3C Web Annotation, Label Studio, doccano) and their detection. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { detectAnnotationFile } from '../exchange/annotation-files';
import { readDoccano, writeDoccano } from '../exchange/doccano';
import { codedDemo } from '../exchange/exchange-fixtures.test-helpers';
import { readLabelStudio, writeLabelStudio } from '../exchange/label-studio';
import { readWebAnnotation, writeWebAnnotation } from '../exchange/web-annotation';
import { expectParsedOrRefused, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, mutationsOf } from './fuzz-kit.test-helpers';

const bundle = codedDemo();
const readers = [
  ['W3C Web Annotation', readWebAnnotation, writeWebAnnotation(bundle), 'fuzz.jsonld'],
  ['Label Studio', readLabelStudio, writeLabelStudio(bundle), 'fuzz.json'],
  ['doccano', readDoccano, writeDoccano(bundle), 'fuzz.jsonl'],
] as const;

describe('annotation files: refused with a problem, or parsed', () => {
  for (const [label, read, seed, name] of readers) {
    it(
      label,
      () => {
        fc.assert(
          fc.property(mutationsOf([seed]), (text) => {
            expectParsedOrRefused(read(text, name));
            expect(['web-annotation', 'label-studio', 'doccano', 'bundle', null]).toContain(detectAnnotationFile(name, text));
          }),
          fuzzParameters(),
        );
      },
      FUZZ_TEST_TIMEOUT_MS,
    );
  }
});
