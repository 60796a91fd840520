import { describe, expect, it } from 'vitest';

import { at, importAnnotations, uncoded, unicodeBundle, UNICODE_TEXTS } from './exchange-fixtures.test-helpers';
import { readLabelStudio } from './label-studio';

const text = UNICODE_TEXTS.emoji; // 'Great point 😀 but 🙃 this again 😀 and again'
const task = (value: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 1,
  data: { text },
  annotations: [{ id: 9, completed_by: 1, result: [{ id: 'r1', from_name: 'label', to_name: 'text', type: 'labels', value }], ...extra }],
});

describe('readLabelStudio', () => {
  it('takes offsets as code points when they cut out the region text', () => {
    const start = at(text, 'this');
    const read = readLabelStudio(JSON.stringify([task({ start, end: start + 4, text: 'this', labels: ['Whataboutism'] })]), 'ls.json');
    expect(read.ok && read.value.annotations.map((a) => [a.start, a.end, a.exact])).toEqual([[start, start + 4, 'this']]);
    expect(read.ok && read.value.notes).toEqual([]);
  });

  it('converts UTF-16 offsets of an older Label Studio, and says so', () => {
    const units = text.indexOf('this'); // two more than the code points: two emoji before it
    expect(units).toBe(at(text, 'this') + 2);
    const read = readLabelStudio(JSON.stringify([task({ start: units, end: units + 4, text: 'this', labels: ['Whataboutism'] })]), 'ls.json');
    expect(read.ok && read.value.annotations.map((a) => [a.start, a.end])).toEqual([[at(text, 'this'), at(text, 'this') + 4]]);
    expect(read.ok && read.value.notes).toEqual(['1 region’s offsets were UTF-16 code units (an older Label Studio): read as code points.']);
  });

  it('names coders from created_username or the user, one annotator left to the importer', () => {
    const value = { start: 0, end: 5, text: 'Great', labels: ['Whataboutism'] };
    const two = [task(value, { created_username: 'Ada Lovelace ada@example.org, 3' }), { ...task(value), annotations: [{ ...task(value).annotations[0], completed_by: { id: 4, first_name: 'Ben', last_name: 'B' } }] }, { ...task(value), annotations: [{ ...task(value).annotations[0], completed_by: 7 }] }];
    const read = readLabelStudio(JSON.stringify(two), 'ls.json');
    expect(read.ok && read.value.annotations.map((a) => a.coder)).toEqual(['Ada Lovelace ada@example.org', 'Ben B', 'Label Studio user 7']);
    const one = readLabelStudio(JSON.stringify([task(value)]), 'ls.json');
    expect(one.ok && one.value.annotations.map((a) => a.coder)).toEqual([null]);
  });

  it('imports a region whose offsets fit nowhere by its quote, and reports the move', async () => {
    const start = at(text, 'again 😀');
    const file = JSON.stringify([{ ...task({ start: start + 7, end: start + 12, text: 'again', labels: ['Whataboutism'] }), data: { text, post_id: 'p-emoji' } }]);
    const { bundle, report } = await importAnnotations(uncoded(unicodeBundle()), file, 'label-studio', { coderName: 'Dee' });
    // "again" occurs twice; the nearer one to the given start is the second.
    const second = text.lastIndexOf('again');
    expect(bundle.codings.map((c) => [c.start, c.quote])).toEqual([[Array.from(text.slice(0, second)).length, 'again']]);
    expect(report.moved).toEqual([{ where: 'task 1, annotation 1, result 1', postId: 'p-emoji', from: { start: start + 7, end: start + 12 }, to: { start: Array.from(text.slice(0, second)).length, end: Array.from(text.slice(0, second)).length + 5 }, quote: 'again' }]);
  });

  it('refuses what is not a task list, or a labels region without text', () => {
    const notTasks = readLabelStudio('{"a": 1}', 'ls.json');
    expect(!notTasks.ok && notTasks.error[0]!.message).toMatch(/expected a list of tasks/);
    const noText = readLabelStudio(JSON.stringify([{ ...task({ start: 0, end: 1, labels: ['X'] }), data: {} }]), 'ls.json');
    expect(!noText.ok && noText.error[0]).toMatchObject({ record: 'task 1', field: 'data.text' });
    const predictions = readLabelStudio(JSON.stringify([{ ...task({ start: 0, end: 5, text: 'Great', labels: ['X'] }), predictions: [{ result: [] }] }]), 'ls.json');
    expect(predictions.ok && predictions.value.notes).toEqual(['1 prediction was left out: only annotations are read.']);
  });
});
