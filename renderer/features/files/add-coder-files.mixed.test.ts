import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Bundle } from '@shared/bundle/bundle';
import { writeAnnotations } from '@shared/exchange/annotation-files';
import { uncoded, unicodeBundle } from '@shared/exchange/exchange-fixtures.test-helpers';
import { writeQdpx } from '@shared/refi/write-qdpx';

import type { Services } from '../../app/services';
import { exportBundle, importBundle } from '../../db/project-store';
import { setCurrentCoderId } from '../../db/repositories/settings-repository';
import { APP, freshDb, testClock, testIds } from '../../db/testing/test-support';
import type { OpenedAnyFile, Platform } from '../../platform/platform';
import { addCoderFiles, reviewCoderFiles } from './add-coder-files';

const dbs: Array<{ delete(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

/** The source project with only one coder's codings, that coder renamed when asked. */
function onlyCoder(source: Bundle, coderId: string, as?: { id: string; name: string }): Bundle {
  const coder = as ?? source.coders.find((c) => c.id === coderId)!;
  const codings = source.codings.filter((c) => c.coderId === coderId).map((c) => ({ ...c, id: `${coder.id}-${c.id}`, coderId: coder.id }));
  return { ...source, coders: [coder], codings };
}

describe('Add coder files… with a mixed selection', () => {
  it('reviews and adds a bundle, a .qdpx coded elsewhere and a doccano file picked together, each as its coder’s layer', async () => {
    const source = unicodeBundle();
    const db = freshDb();
    dbs.push(db);
    await importBundle(db, { ...uncoded(source), coders: [{ id: 'lead', name: 'Lead' }] }, { clock: testClock(), ids: testIds('open') });
    await setCurrentCoderId(db, 'lead');
    const messages: string[] = [];
    const push = vi.fn();
    const services = {
      db,
      platform: {} as Platform,
      clock: testClock(),
      ids: testIds('app'),
      tracker: { track: <T>(_label: string, work: Promise<T>) => work },
      history: { push },
      announce: (m: string) => void messages.push(m),
    } as unknown as Services;

    const zoe = onlyCoder(source, 'u-1');
    const noa = onlyCoder(source, 'u-2');
    const cy = onlyCoder(source, 'u-1', { id: 'u-3', name: 'Cy' });
    const qdpx = await writeQdpx(noa, { origin: 'Threadmark test', positions: 'code-points' });
    if (!qdpx.ok) throw new Error(qdpx.error.join('; '));
    const opened: OpenedAnyFile[] = [
      { name: 'zoe.threadmark.json', content: JSON.stringify(zoe) },
      { name: 'noa.qdpx', bytes: qdpx.value },
      { name: 'cy.jsonl', content: writeAnnotations(cy, 'doccano') },
    ];

    const review = await reviewCoderFiles(services, opened);
    expect(review.merge).toBeNull();
    expect(review.files.map((f) => [f.name, f.kind, f.kind === 'layer' ? f.plan.coders.map((c) => [c.name, c.isNew, c.incomingCodings]) : f])).toEqual([
      ['zoe.threadmark.json', 'layer', [['Zoë 👩‍💻', true, zoe.codings.length]]],
      ['noa.qdpx', 'layer', [['נועה', true, noa.codings.length]]],
      ['cy.jsonl', 'layer', [['Cy', true, cy.codings.length]]],
    ]);
    // The .qdpx and the doccano file list what they did not bring as it was (an array, shown per file).
    expect(review.files.every((f) => f.kind !== 'layer' || f.name === 'zoe.threadmark.json' || Array.isArray(f.notes))).toBe(true);

    expect(await addCoderFiles(services, review, new Map())).toBe(true);
    const after = await exportBundle(db, { clock: testClock(), app: APP });
    const byName = new Map(after.coders.map((c) => [c.id, c.name]));
    const counted = new Map<string, number>();
    for (const c of after.codings) counted.set(byName.get(c.coderId)!, (counted.get(byName.get(c.coderId)!) ?? 0) + 1);
    // Naively: every coder's codings of the source, each coder once.
    expect(Object.fromEntries(counted)).toEqual({ 'Zoë 👩‍💻': zoe.codings.length, נועה: noa.codings.length, Cy: cy.codings.length });
    // Same places as the source codings (code point offsets on the same posts).
    const spots = (b: Bundle, coderIds: readonly string[]) => b.codings.filter((c) => coderIds.includes(c.coderId)).map((c) => `${c.postId}:${c.start}-${c.end}`).sort();
    const ids = (name: string) => after.coders.filter((c) => c.name === name).map((c) => c.id);
    expect(spots(after, ids('נועה'))).toEqual(spots(source, ['u-2']));
    expect(spots(after, ids('Cy'))).toEqual(spots(source, ['u-1']));
    expect(push).toHaveBeenCalledTimes(1);
    expect(messages.at(-1)).toBe(`Added ${zoe.codings.length} codings from zoe.threadmark.json; ${noa.codings.length} codings from noa.qdpx; ${cy.codings.length} codings from cy.jsonl. Ctrl+Z undoes it.`);
  });
});
