import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { parseBundleText } from '@shared/bundle/validate';
import { codePointLength } from '@shared/text/offsets';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { EMOJI_TEXT, runParityScript } from '@shared/project/testing/parity-script.test-helpers';

import { DexieProjectStore } from './dexie-project-store';
import { freshDb, testClock, testIds } from './testing/test-support';

describe('one core, two adapters', () => {
  it('the same scripted sequence through Dexie and through the bundle adapter exports byte-identical bundles', async () => {
    const db = freshDb();
    const viaDexie = await runParityScript(new DexieProjectStore(db), { clock: testClock(), ids: testIds() });
    const viaBundle = await runParityScript(new MemoryProjectStore(), { clock: testClock(), ids: testIds() });
    expect(viaDexie).toBe(viaBundle);

    // And what both wrote is what the script meant.
    const parsed = parseBundleText(viaDexie);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const bundle = parsed.value;
    expect(bundle.codes.map((c) => c.name)).toEqual(['False equivalence', 'Whataboutism', 'Derailing']);
    const derailing = bundle.codes.find((c) => c.name === 'Derailing')!;
    // The edit was undone: the definition is the (trimmed) one it was added with.
    expect(derailing.definition).toBe('Moves the thread elsewhere.');
    expect(derailing.shortcut).toBeNull();
    const family = bundle.codings.find((c) => c.memo.startsWith('the family'))!;
    expect(family.quote).toBe('👩‍👩‍👧');
    expect(family.end - family.start).toBe(5);
    const cafe = bundle.codings.find((c) => c.memo.startsWith('café'))!;
    expect(cafe.quote).toBe('caf\u00e9\u0301'); // é composed at import (NFC), the extra accent kept: 5 code points
    expect(cafe.end - cafe.start).toBe(5);
    expect(codePointLength(EMOJI_TEXT)).toBeGreaterThan(cafe.end);
    expect(bundle.coders.map((c) => c.name)).toEqual(['Ada', 'Ben']);
    expect(bundle.codings.filter((c) => c.coderId === 'coder-ben')).toHaveLength(2);
    expect(bundle.relations?.map((r) => [r.from.quote, r.memo])).toEqual([[bundle.codings.find((c) => c.start === 3 && c.end === 8)!.quote, 'the family as a shield']]);
    const operations = bundle.journal!.map((e) => e.operation);
    expect(operations).toEqual([
      'coders.add',
      'threads.import',
      'codebook.import',
      'code.add',
      'code.edit',
      'coding.add',
      'coding.add',
      'coding.add',
      'coding.memo',
      'code.merge',
      'relationCode.define',
      'relation.add',
      'relation.memo',
      'relation.add',
      'relation.remove',
      'coders.add-layer',
      'revert',
      'revert',
      'revert',
    ]);
    expect(bundle.journal!.map((e) => e.seq)).toEqual(operations.map((_, i) => i + 1));
    await db.delete();
  });
});
