import { describe, expect, it } from 'vitest';

import { serializeBundle } from '../bundle/serialize';
import { exampleBundle } from '../bundle/fixtures.test-helpers';
import { backupName, backupsIn, parseBackupName, type BackupFile } from './backup-name';
import { emptyManifest, mergeManifests, parseManifest, serializeManifest, withBackup, withProject, type ManifestProject } from './manifest';
import { needsRecovery, recoveryMessage, type RecoveryCase } from './recovery';
import { backupsToDelete, KEEP_LATEST } from './retention';
import { checkBackupBundle, checkBackupText, checkReadBack, checkUnzipped, checkUnzippedChunks, readBackupBundle } from './verify-backup';

const file = (at: string, posts = 1, codings = 1): BackupFile => ({ name: backupName(at, { posts, codings }), at, posts, codings });

describe('backup names', () => {
  it('say when and what, and read back exactly; other files are not backups', () => {
    const name = backupName('2026-12-07T10:49:53.123Z', { posts: 120, codings: 45 });
    expect(name).toBe('2026-12-07T10-49-53.123Z--120p-45c.threadmark.json.gz');
    expect(parseBackupName(name)).toEqual({ name, at: '2026-12-07T10:49:53.123Z', posts: 120, codings: 45 });
    expect(parseBackupName(`.${name}.tmp`)).toBeNull();
    expect(parseBackupName('2026-13-45T99-99-99Z--1p-1c.threadmark.json.gz')).toBeNull();
    expect(backupsIn(['x', file('2026-01-01T00:00:00.000Z').name, file('2026-01-02T00:00:00.000Z').name]).map((b) => b.at)).toEqual(['2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
  });
});

describe('backupsToDelete', () => {
  const now = '2026-03-01T12:00:00.000Z';
  it('keeps the newest 10 of a busy hour and deletes the older ones of that day', () => {
    const backups = Array.from({ length: 15 }, (_, i) => file(`2026-03-01T11:${String(i * 2).padStart(2, '0')}:00.000Z`));
    const gone = backupsToDelete(backups, now);
    // The newest 10 stay; of the 5 older ones, none is the newest of its day or week.
    expect(gone).toEqual(backups.slice(0, 5).map((b) => b.name).reverse());
    expect(backups.length - gone.length).toBe(KEEP_LATEST);
  });

  it('keeps the newest of each of the last 14 days and of each of the last 8 weeks, nothing older', () => {
    // One backup a day at noon for 100 days, plus 10 this morning.
    const daily = Array.from({ length: 100 }, (_, d) => file(new Date(Date.parse('2026-02-28T12:00:00.000Z') - d * 86400000).toISOString()));
    const today = Array.from({ length: 10 }, (_, i) => file(`2026-03-01T0${i}:00:00.000Z`));
    const all = [...daily, ...today];
    const kept = all.filter((b) => !backupsToDelete(all, now).includes(b.name));
    const ages = kept.map((b) => (Date.parse(now) - Date.parse(b.at)) / 86400000);
    expect(kept.length).toBeGreaterThanOrEqual(10 + 13);
    expect(Math.max(...ages)).toBeLessThan(8 * 7 + 1);
    // Naive: every calendar day of the last 14 has a kept backup.
    for (let d = 0; d < 14; d++) {
      const day = new Date(Date.parse(now) - d * 86400000).toISOString().slice(0, 10);
      expect(kept.some((b) => b.at.startsWith(day))).toBe(true);
    }
  });
});

describe('manifest', () => {
  const project = (dbName: string, countedAt: string, lastBackup: BackupFile | null = null): ManifestProject => ({
    dbName, id: dbName, name: dbName, kind: 'project', createdAt: '2026-01-01T00:00:00.000Z', counts: { threads: 1, posts: 2, codings: 3 }, countedAt, lastBackup,
  });

  it('round-trips as text; anything else reads as none', () => {
    const m = withProject(emptyManifest(), project('db-a', '2026-01-02T00:00:00.000Z'));
    expect(parseManifest(serializeManifest(m))).toEqual(m);
    expect(parseManifest('{"format":"other"}')).toBeNull();
    expect(parseManifest('not json')).toBeNull();
    expect(parseManifest(null)).toBeNull();
  });

  it('merges two copies: every project, the later counts and the later backup of each', () => {
    const b1 = file('2026-01-05T00:00:00.000Z', 9, 9);
    const a = withProject(withProject(emptyManifest(), project('db-a', '2026-01-02T00:00:00.000Z', b1)), project('db-only-a', '2026-01-01T00:00:00.000Z'));
    const b = withProject(emptyManifest(), { ...project('db-a', '2026-01-03T00:00:00.000Z'), name: 'renamed' });
    const merged = mergeManifests(a, b);
    expect(merged.projects.map((p) => p.dbName).sort()).toEqual(['db-a', 'db-only-a']);
    expect(merged.projects.find((p) => p.dbName === 'db-a')).toMatchObject({ name: 'renamed', lastBackup: b1 });
    expect(mergeManifests(null, null)).toEqual(emptyManifest());
  });

  it('notes a verified backup with its counts on its project only', () => {
    const m = withProject(emptyManifest(), project('db-a', '2026-01-02T00:00:00.000Z'));
    const b = file('2026-01-06T00:00:00.000Z', 7, 8);
    expect(withBackup(m, 'db-a', b, b.at).projects[0]).toMatchObject({ lastBackup: b, counts: { threads: 1, posts: 7, codings: 8 } });
    expect(withBackup(m, 'db-other', b, b.at)).toEqual(m);
  });
});

describe('recovery decision', () => {
  const known: ManifestProject = { dbName: 'db', id: 'id', name: 'P', kind: 'project', createdAt: 't', counts: { threads: 1, posts: 120, codings: 45 }, countedAt: 't', lastBackup: null };
  const b = file('2026-12-07T10:00:00.000Z', 120, 45);
  it('opens a healthy database; recovers a missing or empty one the manifest or a backup knows; always a broken one', () => {
    expect(needsRecovery(known, { kind: 'ok' }, [b])).toBe(false);
    expect(needsRecovery(known, { kind: 'empty' }, [])).toBe(true);
    expect(needsRecovery(undefined, { kind: 'missing' }, [b])).toBe(true);
    expect(needsRecovery(undefined, { kind: 'empty' }, [])).toBe(false);
    expect(needsRecovery(undefined, { kind: 'broken', message: 'x' }, [])).toBe(true);
  });
  it('says what is wrong and what the newest backup holds', () => {
    const c: RecoveryCase = { project: known, state: { kind: 'empty' }, backups: [b] };
    expect(recoveryMessage(c, (iso) => iso.slice(0, 16))).toBe("This project's database is empty, but a backup from 2026-12-07T10:00 with 120 posts, 45 codings exists.");
    expect(recoveryMessage({ ...c, backups: [] }, String)).toContain('no backup of it exists. It last held 120 posts and 45 codings.');
  });
});

describe('checking a backup', () => {
  const bundle = exampleBundle();
  const text = serializeBundle(bundle);
  const counts = { posts: bundle.posts.length, codings: bundle.codings.length };
  it('on write: whole JSON, a bundle, the counts its name states', () => {
    expect(checkBackupText(text, counts).ok).toBe(true);
    const short = checkBackupText(text, { ...counts, codings: counts.codings + 1 });
    expect(short.ok ? '' : short.error).toMatch(/holds \d+ posts and \d+ codings, not/);
    expect(checkBackupText(text.slice(0, 100), counts).ok).toBe(false);
    expect(checkBackupText('{"format":"other","posts":[],"codings":[]}', { posts: 0, codings: 0 }).ok).toBe(false);
  });
  it('where it is made: the object is a bundle with the counts, and the gzip unzips to exactly the text serialized', () => {
    expect(checkBackupBundle(bundle, counts).ok).toBe(true);
    const short = checkBackupBundle(bundle, { ...counts, posts: counts.posts + 1 });
    expect(short.ok ? '' : short.error).toMatch(/holds \d+ posts and \d+ codings, not/);
    expect(checkBackupBundle({ ...bundle, format: 'other' }, counts).ok).toBe(false);
    expect(checkUnzipped(text, text).ok).toBe(true);
    expect(checkUnzipped(text.slice(0, -1), text).ok).toBe(false);
    const same = `${text.slice(0, -2)}x${text.slice(-1)}`;
    expect(checkUnzipped(same, text)).toEqual({ ok: false, error: 'the backup does not unzip to the bundle written' });
  });

  it('checks unzipped bytes in pieces against the serialized pieces, whatever the cuts', async () => {
    const bytes = new TextEncoder().encode('{"posts":["👩‍👩‍👧 what about"]}'.repeat(300));
    const cut = (b: Uint8Array, at: number[]) => [0, ...at, b.length].slice(1).map((end, i, ends) => b.subarray(i === 0 ? 0 : ends[i - 1]!, end));
    async function* stream(pieces: Uint8Array[]) {
      for (const p of pieces) yield p;
    }
    expect(await checkUnzippedChunks(stream(cut(bytes, [1, 500, 501, 4000])), cut(bytes, [7, 2000]))).toEqual({ ok: true, value: undefined });
    const changed = bytes.slice();
    changed[3000] = changed[3000]! ^ 1;
    expect(await checkUnzippedChunks(stream(cut(changed, [100])), cut(bytes, [2999, 3001]))).toEqual({ ok: false, error: 'the backup does not unzip to the bundle written' });
    expect(await checkUnzippedChunks(stream([bytes.subarray(0, bytes.length - 1)]), [bytes])).toEqual({ ok: false, error: `the backup unzips to ${bytes.length - 1} bytes, not the ${bytes.length} written` });
    expect(await checkUnzippedChunks(stream([bytes, bytes.subarray(0, 2)]), cut(bytes, [10]))).toEqual({ ok: false, error: `the backup unzips to ${bytes.length + 2} bytes, not the ${bytes.length} written` });
  });
  it('where it is written: the bytes read back are the bytes written', () => {
    const written = new Uint8Array([31, 139, 8, 0, 1, 2, 3]);
    expect(checkReadBack(written.slice(), written).ok).toBe(true);
    expect(checkReadBack(written.slice(0, 6), written).ok).toBe(false);
    const flipped = written.slice();
    flipped[5] = 9;
    expect(checkReadBack(flipped, written)).toEqual({ ok: false, error: 'the backup read back differs from what was written at byte 5' });
  });
  it('on restore: every rule of the format as well', () => {
    expect(readBackupBundle(text, counts).ok).toBe(true);
    const broken = JSON.stringify({ ...JSON.parse(text), codings: [{ ...bundle.codings[0], postId: 'nowhere' }] });
    expect(checkBackupText(broken, { ...counts, codings: 1 }).ok).toBe(true);
    const refused = readBackupBundle(broken, { ...counts, codings: 1 });
    expect(refused.ok ? '' : refused.error).toMatch(/^the backup is not a valid bundle: /);
  });
});
