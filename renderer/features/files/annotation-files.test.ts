import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it } from 'vitest';

import { parseBundleText } from '@shared/bundle/validate';
import { writeAnnotations } from '@shared/exchange/annotation-files';
import { ANNOTATION_FORMATS } from '@shared/exchange/exchange-annotation';
import { codingFacts, importAnnotations, uncoded, unicodeBundle } from '@shared/exchange/exchange-fixtures.test-helpers';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { runParityScript } from '@shared/project/testing/parity-script.test-helpers';

import type { Services } from '../../app/services';
import { DexieProjectStore } from '../../db/dexie-project-store';
import { applyCoderLayer, exportBundle, importBundle } from '../../db/project-store';
import { setCurrentCoderId } from '../../db/repositories/settings-repository';
import { APP, freshDb, testClock, testIds } from '../../db/testing/test-support';
import type { Platform } from '../../platform/platform';
import { sortOpenedFiles } from './add-coder-files';
import { annotationFileNotes, coderNameOfFile, exportAnnotations, reviewAnnotationFile } from './annotation-files';

const dbs: Array<{ delete(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

function servicesOver(db: ReturnType<typeof freshDb>) {
  const saved = new Map<string, string>();
  const messages: string[] = [];
  const platform = { saveTextFile: (name: string, text: string) => (saved.set(name, text), Promise.resolve({ ok: true as const, value: name })) } as unknown as Platform;
  const services = { db, platform, clock: testClock(), ids: testIds('app'), announce: (m: string) => void messages.push(m) } as unknown as Services;
  return { services, saved, messages };
}

describe('Export annotations: the app and the CLI', () => {
  it('write the same bytes for the same project, the app from Dexie and the CLI from the bundle file', async () => {
    const db = freshDb();
    dbs.push(db);
    await runParityScript(new DexieProjectStore(db), { clock: testClock(), ids: testIds() });
    const parsed = parseBundleText(await runParityScript(new MemoryProjectStore(), { clock: testClock(), ids: testIds() }));
    if (!parsed.ok) throw new Error('the script’s bundle is valid');
    expect(parsed.value.codings.length).toBeGreaterThan(0);
    const { services, saved, messages } = servicesOver(db);
    for (const format of ANNOTATION_FORMATS) {
      await exportAnnotations(services, format, { pseudonymize: false }); // identified: the pseudonymised parity is export-privacy.parity.test.ts
      const [name, text] = [...saved.entries()].at(-1)!;
      // cli/commands/annotations.test.ts shows the CLI writes writeAnnotations(bundle, format).
      expect(text, format).toBe(writeAnnotations(parsed.value, format));
      expect(name).toMatch(format === 'web-annotation' ? /-annotations\.jsonld$/ : format === 'doccano' ? /-doccano\.jsonl$/ : /-label-studio\.json$/);
    }
    expect(messages[0]).toBe(`Exported ${parsed.value.codings.length} codings as W3C Web Annotation (JSON-LD) to ${[...saved.keys()][0]}. Identified: real author names, not pseudonymised.`);
  });
});

describe('An annotation file added as a coder file', () => {
  it('is told from a bundle by its content, whatever its name ends in', () => {
    const source = unicodeBundle();
    const sorted = sortOpenedFiles([
      { name: 'a.json', content: writeAnnotations(source, 'web-annotation') },
      { name: 'b.json', content: writeAnnotations(source, 'label-studio') },
      { name: 'c.json', content: writeAnnotations(source, 'doccano') },
      { name: 'd.json', content: JSON.stringify(source) },
    ]);
    expect(sorted.map((f) => [f.name, f.kind, 'format' in f ? f.format : null])).toEqual([
      ['a.json', 'annotations', 'web-annotation'],
      ['b.json', 'annotations', 'label-studio'],
      ['c.json', 'annotations', 'doccano'],
      ['d.json', 'plain', null],
    ]);
  });

  it('adds the same codings the CLI import adds, with what it did listed', async () => {
    const source = unicodeBundle();
    const target = { ...uncoded(source), coders: [{ id: 'lead', name: 'Lead' }] };
    const db = freshDb();
    dbs.push(db);
    await importBundle(db, target, { clock: testClock(), ids: testIds('open') });
    await setCurrentCoderId(db, 'lead');
    const { services } = servicesOver(db);
    const text = writeAnnotations(source, 'doccano');

    const reviewed = await reviewAnnotationFile(services, 'team.jsonl', 'doccano', text);
    if (!reviewed.ok) throw new Error(reviewed.problems.join('; '));
    expect(reviewed.value.plan.coders.map((c) => [c.name, c.isNew, c.incomingCodings])).toEqual([
      ['Zoë 👩‍💻', true, 4],
      ['נועה', true, 3],
    ]);
    expect(annotationFileNotes(reviewed.value.annotations)).toEqual(['Read as doccano (JSONL): 7 spans, 7 placed (Zoë 👩‍💻, נועה).']);
    await applyCoderLayer(db, reviewed.value.bundle, 'team.jsonl', new Set(), { clock: testClock(), ids: testIds('add') });
    const app = await exportBundle(db, { clock: testClock(), app: APP });
    const cli = await importAnnotations(target, text, 'doccano');
    expect(codingFacts(app)).toEqual(codingFacts(source));
    expect(codingFacts(app)).toEqual(codingFacts(cli.bundle));
  });

  it('refuses a file that cannot be read, naming it; a file naming nobody is coded by its name', async () => {
    const db = freshDb();
    dbs.push(db);
    const { services } = servicesOver(db);
    const bad = await reviewAnnotationFile(services, 'bad.jsonl', 'doccano', '{"text": 1}');
    expect(bad).toEqual({ ok: false, problems: ['bad.jsonl (line 1, field text): each line needs the annotated "text"'] });
    expect(coderNameOfFile('Cleo.JSONL')).toBe('Cleo');
  });
});
