import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { serializeBundle } from '@shared/bundle/serialize';
import { parseBundleText } from '@shared/bundle/validate';
import { formatProblem } from '@shared/problem/problem';

import { bundleFileBytes, exportBundle, importBundle, readBundleFile } from './bundle-io';
import type { ThreadmarkDB } from './database';
import { APP, freshDb, sampleBundle, testClock, testIds } from './testing/test-support';

let db: ThreadmarkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const encode = (text: string) => new TextEncoder().encode(text);

describe('bundle files in the app (streamed, no whole-file string)', () => {
  it('writes the bytes serializeBundle writes, and reads them back to the same bundle', async () => {
    await importBundle(db, sampleBundle(), { clock: testClock(), ids: testIds('open') });
    const exported = await exportBundle(db, { clock: testClock(), app: APP });
    const bytes = bundleFileBytes(exported);
    expect(bytes).toEqual(encode(serializeBundle(exported)));
    expect(await readBundleFile('p.threadmark.json', bytes)).toEqual(parseBundleText(serializeBundle(exported)));
  });

  it('names every problem as parseBundleText does, and a file that is not UTF-8 by name', async () => {
    const broken = serializeBundle(sampleBundle()).replace('"threads": [', '"threads": [,');
    const expected = parseBundleText(broken);
    if (expected.ok) throw new Error('expected problems');
    expect(await readBundleFile('p.threadmark.json', encode(broken))).toEqual({ ok: false, error: { problems: expected.error.map(formatProblem) } });
    const notUtf8 = new Uint8Array([...encode('{"format": "'), 0xc3, 0x28, ...encode('"}')]);
    expect(await readBundleFile('p.threadmark.json', notUtf8)).toEqual({ ok: false, error: { notText: 'p.threadmark.json is not valid UTF-8 text. Save it as UTF-8 and open it again.' } });
  });
});
