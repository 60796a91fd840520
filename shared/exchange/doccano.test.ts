import { describe, expect, it } from 'vitest';

import { readDoccano, writeDoccano } from './doccano';
import { at, importAnnotations, uncoded, unicodeBundle, UNICODE_TEXTS } from './exchange-fixtures.test-helpers';

describe('writeDoccano', () => {
  it('writes one line per post, labels as [start, end, code path] in code points', () => {
    const bundle = unicodeBundle();
    const lines = writeDoccano(bundle).trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; text: string; label: Array<[number, number, string]> });
    expect(lines.map((l) => l.id)).toEqual(bundle.posts.map((p) => p.id));
    for (const line of lines) {
      // What a Python reader does: text[start:end] over code points.
      const points = Array.from(line.text);
      for (const [start, end, path] of line.label) {
        const coding = bundle.codings.find((c) => c.postId === line.id && c.start === start && c.end === end)!;
        expect(points.slice(start, end).join('')).toBe(coding.quote);
        expect(path).toMatch(/^(Deflection 🙃( > Whataboutism)?|ردّ)$/);
      }
    }
  });
});

describe('readDoccano', () => {
  it('imports a plain doccano file as the coder the researcher names, posts found by their text', async () => {
    const target = uncoded(unicodeBundle());
    const text = UNICODE_TEXTS.emoji;
    const file = [
      JSON.stringify({ id: 17, text, label: [[at(text, '🙃'), at(text, '🙃') + 1, 'Whataboutism']], Comments: [] }),
      '',
      JSON.stringify({ id: 18, text: UNICODE_TEXTS.rtl, labels: [[0, 3, 'ردّ']] }),
    ].join('\n');
    const { bundle, report } = await importAnnotations(target, file, 'doccano', { coderName: 'Cleo' });
    expect(report).toMatchObject({ read: 2, placed: 2, coders: ['Cleo'], unplaced: [], moved: [] });
    expect(bundle.codings.map((c) => [c.postId, c.quote, c.codeId])).toEqual([
      ['p-emoji', '🙃', 'c-leaf'],
      ['p-rtl', 'قال', 'c-rtl'],
    ]);
    // Cleo rated the two posts the file held, labelled or not.
    expect(bundle.assignments?.find((a) => a.coderId === bundle.coders[0]!.id)?.postIds).toEqual(['p-emoji', 'p-rtl']);
  });

  it('reads the newer entities list', () => {
    const read = readDoccano(JSON.stringify({ text: 'abc def', entities: [{ id: 1, label: 'X', start_offset: 4, end_offset: 7 }] }), 'f.jsonl');
    expect(read.ok && read.value.annotations.map((a) => [a.exact, a.codePath, a.prefix])).toEqual([['def', 'X', 'abc ']]);
  });

  it('refuses bad lines, naming line and field', () => {
    const read = readDoccano(['{"text": "abc", "label": [[0, 9, "X"]]}', 'not json', '{"label": []}', '{"text": "a", "label": ["positive"]}'].join('\n'), 'f.jsonl');
    expect(!read.ok && read.error.map((p) => [p.line, p.field ?? null])).toEqual([
      [1, 'label[0]'],
      [2, null],
      [3, 'text'],
      [4, 'label'],
    ]);
    expect(!read.ok && read.error[0]!.message).toMatch(/0 ≤ start < end ≤ 3/);
    const empty = readDoccano('\n\n', 'f.jsonl');
    expect(!empty.ok && empty.error[0]!.message).toBe('the file is empty');
  });
});
