import { describe, expect, it } from 'vitest';

import { applyCodebookDiff } from '../../codebook/apply-codebook-diff';
import { diffCodebooks } from '../../codebook/codebook-diff';
import { bundleFromStore, storeFromBundle } from '../bundle-store';
import { MemoryProjectStore } from '../memory-store';
import { applied, counterIds, runner, smallProject } from '../testing/core-fixtures.test-helpers';
import { importBundle } from './bundle-import';
import { addCoderLayer } from './coder-layer';
import { addCoder } from './coders';
import { applyCodebookImport } from './codebook-import';
import { addCoding } from './codings';
import { editCode, mergeCodes, nameVersion } from './codebook';

const HEAD = { exportedAt: '2025-03-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };

describe('codebook import', () => {
  it('stores names and texts trimmed, whichever front end read the file', async () => {
    const store = smallProject();
    const run = runner(store);
    const current = await store.read((r) => r.codes());
    const incoming = [...current, { ...current[0]!, id: 'c-new', name: '  Derailing ', definition: ' Moves elsewhere. ', order: 5, shortcut: null }];
    const diff = diffCodebooks(current, incoming);
    const taken = applyCodebookDiff(current, incoming, diff, new Set(diff.entries.map((e) => e.key)), counterIds('x'));
    const done = applied(await run(applyCodebookImport, { source: 'team.qdc', base: current, codes: taken.codes, applied: taken.applied, codingsToDelete: new Map() }));
    const added = (await store.read((r) => r.codes())).find((c) => c.id === 'c-new')!;
    expect([added.name, added.definition]).toEqual(['Derailing', 'Moves elsewhere.']);
    expect(done.summary).toBe('Imported “team.qdc”: 1 code added');
  });

  it('is refused when the codebook changed since the file was compared with it', async () => {
    const store = smallProject();
    const current = await store.read((r) => r.codes());
    const refused = await runner(store)(applyCodebookImport, { source: 'team.qdc', base: current.slice(1), codes: current, applied: [], codingsToDelete: new Map() });
    expect(refused.ok ? '' : refused.error.message).toMatch(/^the codebook changed since the file was compared with it/);
  });
});

describe('coder layer', () => {
  async function bensFile() {
    const own = await bundleFromStore(smallProject(), HEAD);
    if (!own.ok) throw new Error(own.error.message);
    const ben = storeFromBundle(own.value);
    const run = runner(ben, undefined, counterIds('ben'));
    applied(await run(addCoder, { name: 'Ben', id: 'coder-ben' }));
    applied(await run(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 4 }, { id: 'coder-ben', name: 'Ben' }));
    const file = await bundleFromStore(ben, HEAD);
    if (!file.ok) throw new Error(file.error.message);
    return file.value;
  }

  it('adds another coder’s codings as their layer; the same file again changes nothing', async () => {
    const store = smallProject();
    const run = runner(store);
    const file = await bensFile();
    const first = applied(await run(addCoderLayer, { incoming: file, source: 'ben.threadmark.json', replace: new Set<string>() }));
    expect(first.result).toMatchObject({ addedCodings: 1, addedCoders: 1 });
    const before = await bundleFromStore(store, HEAD);
    const again = applied(await run(addCoderLayer, { incoming: file, source: 'ben.threadmark.json', replace: new Set<string>() }));
    expect(again.entry).toBeNull();
    expect(again.result.keptCoders).toEqual(['Ben']);
    expect(await bundleFromStore(store, HEAD)).toEqual(before);
  });
});

describe('bundle import', () => {
  it('into an empty project keeps the bundle’s journal as its history, then journals the opening', async () => {
    const source = smallProject();
    const run = runner(source);
    applied(await run(addCoding, { postId: 'p-1', codeId: 'c-what', start: 0, end: 3 }));
    applied(await run(mergeCodes, { sourceCodeIds: ['c-false'], targetCodeId: 'c-what' }));
    const bundle = await bundleFromStore(source, HEAD);
    if (!bundle.ok) throw new Error(bundle.error.message);

    const fresh = new MemoryProjectStore();
    const opened = applied(await runner(fresh, undefined, counterIds('o'))(importBundle, { bundle: bundle.value, source: 'p.threadmark.json' }, { id: 'threadmark', name: 'Threadmark' }));
    expect(opened.result.historyKept).toBe(true);
    const journal = await fresh.read((r) => r.journal());
    expect(journal.map((e) => [e.seq, e.operation])).toEqual([
      [1, 'coding.add'],
      [2, 'code.merge'],
      [3, 'bundle.import'],
    ]);

    const into = smallProject();
    const added = applied(await runner(into)(importBundle, { bundle: bundle.value, source: 'p.threadmark.json' }));
    expect(added.result.historyKept).toBe(false);
    expect(added.result.added.codings).toBe(1);
    expect((await into.read((r) => r.journal())).map((e) => e.operation)).toEqual(['bundle.import']);
  });

  it('names a version once per name, ignoring case', async () => {
    const store = smallProject();
    const run = runner(store);
    applied(await run(nameVersion, { name: 'v1, sent 12 March' }));
    const clash = await run(nameVersion, { name: 'V1, SENT 12 MARCH' });
    expect(clash.ok ? '' : clash.error.message).toMatch(/^a version named “v1, sent 12 March” already exists/);
  });
});

describe('editing a code from an editor opened earlier', () => {
  it('writes only what the researcher changed, keeping another window’s newer edit', async () => {
    const store = smallProject();
    const run = runner(store);
    const opened = (await store.read((r) => r.codes())).find((c) => c.id === 'c-what')!;
    applied(await run(editCode, { codeId: 'c-what', patch: { definition: 'Deflects to another issue.' } }));
    // The stale editor sends every field it loaded, with a new name.
    applied(await run(editCode, { codeId: 'c-what', base: opened, patch: { ...opened, name: 'What-about', definition: opened.definition } }));
    const now = (await store.read((r) => r.codes())).find((c) => c.id === 'c-what')!;
    expect([now.name, now.definition]).toEqual(['What-about', 'Deflects to another issue.']);
  });

  it('refuses, naming the field, when both changed the same field', async () => {
    const store = smallProject();
    const run = runner(store);
    const opened = (await store.read((r) => r.codes())).find((c) => c.id === 'c-what')!;
    applied(await run(editCode, { codeId: 'c-what', patch: { definition: 'Theirs.' } }));
    const refused = await run(editCode, { codeId: 'c-what', base: opened, patch: { definition: 'Mine.' } });
    expect(refused.ok ? '' : `${refused.error.field}: ${refused.error.message}`).toBe(
      'definition: was changed elsewhere since this editor opened (now "Theirs."): close the editor and open it again',
    );
    expect((await store.read((r) => r.codes())).find((c) => c.id === 'c-what')!.definition).toBe('Theirs.');
  });
});
