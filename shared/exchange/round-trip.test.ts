import { describe, expect, it } from 'vitest';

import { writeAnnotations } from './annotation-files';
import { ANNOTATION_FORMATS } from './exchange-annotation';
import { codedDemo, codingFacts, importAnnotations, uncoded, unicodeBundle } from './exchange-fixtures.test-helpers';

const PROJECTS = { demo: codedDemo, unicode: unicodeBundle };

describe.each(ANNOTATION_FORMATS)('%s export → import', (format) => {
  describe.each(Object.keys(PROJECTS) as Array<keyof typeof PROJECTS>)('over the %s project', (name) => {
    it('gives back the same codings, memos and coders', async () => {
      const source = PROJECTS[name]();
      const text = writeAnnotations(source, format);
      const { bundle, report } = await importAnnotations(uncoded(source), text, format);
      // Label Studio keeps one time per annotation (coder and task), not per coding.
      const times = format !== 'label-studio';
      expect(codingFacts(bundle, { times })).toEqual(codingFacts(source, { times }));
      expect(bundle.coders.map((c) => c.name).sort()).toEqual(source.coders.map((c) => c.name).sort());
      expect(report).toMatchObject({ read: source.codings.length, placed: source.codings.length, moved: [], unplaced: [], unknownCodes: [] });
      // Nothing but codings and their coders came in: the codebook is the same.
      expect(bundle.codes.map((c) => c.id).sort()).toEqual(source.codes.map((c) => c.id).sort());
    });
  });

  it('writes the same bytes twice (no clock, no random ids)', () => {
    expect(writeAnnotations(unicodeBundle(), format)).toBe(writeAnnotations(unicodeBundle(), format));
  });
});
