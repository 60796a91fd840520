import { describe, expect, it } from 'vitest';

import { parseBundleText } from '../bundle/validate';
import { MemoryProjectStore } from '../project/memory-store';
import { counterIds, steppingClock } from '../project/testing/core-fixtures.test-helpers';
import { runRelationsScript } from '../project/testing/relations-script.test-helpers';
import { codePointLength, sliceCodePoints } from '../text/offsets';
import { RELATIONS_HEADER, relationsTable } from './relations-table';

describe('the relations table', () => {
  it('has a row per relation with both ends’ ids, offsets and quotes; each span quote is the slice of its post, whole posts have none', async () => {
    const parsed = parseBundleText(await runRelationsScript(new MemoryProjectStore(), { clock: steppingClock(), ids: counterIds() }));
    if (!parsed.ok) throw new Error('valid');
    const bundle = parsed.value;
    const table = relationsTable(bundle);
    expect(table.columns.map((c) => c.name)).toEqual([...RELATIONS_HEADER]);
    expect(table.rows).toHaveLength(bundle.relations!.length);
    const col = (name: (typeof RELATIONS_HEADER)[number]) => RELATIONS_HEADER.indexOf(name);
    const texts = new Map(bundle.posts.map((p) => [p.id, p.text]));
    for (const row of table.rows) {
      for (const side of ['from', 'to'] as const) {
        const text = texts.get(row[col(`${side}_post_id`)] as string)!;
        const start = row[col(`${side}_start`)];
        if (start === null) expect([row[col(`${side}_end`)], row[col(`${side}_quote`)]]).toEqual([null, null]);
        else {
          const end = row[col(`${side}_end`)] as number;
          expect(end).toBeLessThanOrEqual(codePointLength(text));
          expect(row[col(`${side}_quote`)]).toBe(sliceCodePoints(text, start as number, end));
        }
      }
    }
    const span = table.rows.find((r) => r[col('from_start')] !== null)!;
    expect([span[col('relation_code')], span[col('coder')], span[col('from_post_id')], span[col('from_start')], span[col('from_end')], span[col('from_quote')], span[col('to_post_id')], span[col('memo')]]).toEqual([
      'deflects to',
      'Ada',
      'p-2',
      11,
      16,
      '👩‍👩‍👧',
      'p-1',
      'the family as a shield',
    ]);
  });
});
