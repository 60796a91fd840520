import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { MAX_OPEN_BYTES, type Channel, type IpcResult, type Res } from '@shared/ipc/contract';

import { registerFileHandlers } from './files';
import type { Impl } from './handle';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'threadmark-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(picked: { open?: string | string[]; save?: string }) {
  const impls = new Map<Channel, Impl<Channel>>();
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: picked.open === undefined, filePaths: picked.open === undefined ? [] : [picked.open].flat() })),
    showSaveDialog: vi.fn(async () => ({ canceled: picked.save === undefined, filePath: picked.save ?? '' })),
  };
  registerFileHandlers((channel, impl) => impls.set(channel, impl as Impl<Channel>), {
    dialog: dialog as never,
    windowFor: () => null,
  });
  const call = async <C extends 'file:open' | 'file:open-many' | 'file:open-binary' | 'file:save'>(channel: C, req: unknown) =>
    (await impls.get(channel)?.(req as never, { sender: {} as never })) as IpcResult<Res<C>>;
  return { call, dialog };
}

const filters = [{ name: 'JSON', extensions: ['json'] }];

describe('file:open-many', () => {
  it('returns every picked file, in the order picked', async () => {
    const paths = ['ben-returned.json', 'cy-returned.json'].map((name, i) => {
      const path = join(dir, name);
      writeFileSync(path, `{"n":${i}}`);
      return path;
    });
    const { call, dialog } = setup({ open: paths });
    expect(await call('file:open-many', { title: 'Add', filters })).toEqual({
      ok: true,
      value: [
        { name: 'ben-returned.json', content: '{"n":0}' },
        { name: 'cy-returned.json', content: '{"n":1}' },
      ],
    });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({ title: 'Add', filters, properties: ['openFile', 'multiSelections'] });
  });

  it('returns a zip archive (.qdpx) among them as its bytes, undecoded', async () => {
    const json = join(dir, 'ben.json');
    writeFileSync(json, '{}');
    const zip = join(dir, 'nora.qdpx');
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xe9, 0xff]);
    writeFileSync(zip, bytes);
    expect(await setup({ open: [json, zip] }).call('file:open-many', { title: 'Add', filters })).toEqual({
      ok: true,
      value: [
        { name: 'ben.json', content: '{}' },
        { name: 'nora.qdpx', bytes },
      ],
    });
  });

  it('refuses them all when one cannot be read, naming it; null when cancelled', async () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, '{}');
    const bad = join(dir, 'latin1.json');
    writeFileSync(bad, Buffer.from([0xe9]));
    const result = await setup({ open: [good, bad] }).call('file:open-many', { title: 'Add', filters });
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!result.ok) expect(result.error.message).toContain('latin1.json');
    expect(await setup({}).call('file:open-many', { title: 'Add', filters })).toEqual({ ok: true, value: null });
  });
});

describe('file:open', () => {
  it('returns the name and text, with a UTF-8 BOM stripped', async () => {
    const path = join(dir, 'thread.json');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"t":"café 👋"}')]));
    const { call, dialog } = setup({ open: path });
    expect(await call('file:open', { title: 'Open', filters })).toEqual({
      ok: true,
      value: { name: 'thread.json', content: '{"t":"café 👋"}' },
    });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({ title: 'Open', filters, properties: ['openFile'] });
  });

  it('rejects invalid UTF-8 with an io error naming the file', async () => {
    const path = join(dir, 'latin1-export.csv');
    writeFileSync(path, Buffer.from([0x61, 0x2c, 0xe9, 0x74, 0xe9, 0x0a])); // "a,été" in Latin-1
    const { call } = setup({ open: path });
    const result = await call('file:open', { title: 'Open', filters });
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!result.ok) expect(result.error.message).toContain('"latin1-export.csv" is not UTF-8');
  });

  it('refuses a file over the size cap without reading it', async () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, MAX_OPEN_BYTES + 1); // sparse: no 200 MB actually written
    const { call } = setup({ open: path });
    const result = await call('file:open', { title: 'Open', filters });
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!result.ok) expect(result.error.message).toBe('"huge.json" is too large: files over 200 MB are not opened.');
  });

  it('names the file when it cannot be read', async () => {
    const { call } = setup({ open: join(dir, 'gone.json') });
    const result = await call('file:open', { title: 'Open', filters });
    expect(result).toMatchObject({ ok: false, error: { code: 'io', message: 'Could not read "gone.json": the file does not exist.' } });
  });

  it('returns null when the dialog is cancelled', async () => {
    const { call } = setup({});
    expect(await call('file:open', { title: 'Open', filters })).toEqual({ ok: true, value: null });
  });
});

describe('file:open-binary', () => {
  const qdpx = [{ name: 'REFI-QDA project', extensions: ['qdpx'] }];

  it('returns the name and the bytes exactly, as a plain Uint8Array (not decoded, BOM kept)', async () => {
    const path = join(dir, 'project.qdpx');
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xef, 0xbb, 0xbf]);
    writeFileSync(path, bytes);
    const { call, dialog } = setup({ open: path });
    const result = await call('file:open-binary', { title: 'Import a codebook', filters: qdpx });
    expect(result).toEqual({ ok: true, value: { name: 'project.qdpx', bytes: new Uint8Array(bytes) } });
    if (result.ok) expect(Object.getPrototypeOf(result.value?.bytes)).toBe(Uint8Array.prototype);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith({ title: 'Import a codebook', filters: qdpx, properties: ['openFile'] });
  });

  it('refuses a file over the size cap without reading it, and names a file it cannot read', async () => {
    const huge = join(dir, 'huge.qdpx');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_OPEN_BYTES + 1);
    expect(await setup({ open: huge }).call('file:open-binary', { title: 'Open', filters: qdpx })).toEqual({
      ok: false,
      error: { code: 'io', message: '"huge.qdpx" is too large: files over 200 MB are not opened.' },
    });
    expect(await setup({ open: join(dir, 'gone.qdpx') }).call('file:open-binary', { title: 'Open', filters: qdpx })).toEqual({
      ok: false,
      error: { code: 'io', message: 'Could not read "gone.qdpx": the file does not exist.' },
    });
  });

  it('returns null when the dialog is cancelled', async () => {
    expect(await setup({}).call('file:open-binary', { title: 'Open', filters: qdpx })).toEqual({ ok: true, value: null });
  });
});

describe('file:save', () => {
  it('writes the content and leaves no temp file behind', async () => {
    const path = join(dir, 'project.threadmark.json');
    const { call, dialog } = setup({ save: path });
    const result = await call('file:save', { suggestedName: 'project.threadmark.json', content: 'ünïcode ✓', filters });
    expect(result).toEqual({ ok: true, value: { path } });
    expect(readFileSync(path, 'utf8')).toBe('ünïcode ✓');
    expect(readdirSync(dir)).toEqual(['project.threadmark.json']);
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: 'project.threadmark.json' }));
  });

  it('writes bytes (an XLSX or Parquet export) exactly as they are', async () => {
    const path = join(dir, 'analysis.parquet');
    const bytes = new Uint8Array([0x50, 0x41, 0x52, 0x31, 0x00, 0xff, 0xfe, 0x80]);
    const { call } = setup({ save: path });
    expect(await call('file:save', { suggestedName: 'analysis.parquet', content: bytes, filters })).toEqual({ ok: true, value: { path } });
    expect(new Uint8Array(readFileSync(path))).toEqual(bytes);
  });

  it('replaces an existing file by rename, not by rewriting it in place', async () => {
    const path = join(dir, 'codings.csv');
    writeFileSync(path, 'old,content\n');
    const before = statSync(path).ino;
    const { call } = setup({ save: path });
    expect((await call('file:save', { suggestedName: 'codings.csv', content: 'new\n', filters })).ok).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    // A new inode means a new file was renamed over the old one: readers saw old or new, never half.
    expect(statSync(path).ino).not.toBe(before);
    expect(readdirSync(dir)).toEqual(['codings.csv']);
  });

  it('leaves the target untouched and cleans up when the final rename fails', async () => {
    const path = join(dir, 'taken');
    mkdirSync(path);
    writeFileSync(join(path, 'keep.txt'), 'keep');
    const { call } = setup({ save: path });
    const result = await call('file:save', { suggestedName: 'taken', content: 'x', filters });
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!result.ok) expect(result.error.message).toContain('"taken"');
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(path, 'keep.txt'), 'utf8')).toBe('keep');
  });

  it('returns null when the dialog is cancelled', async () => {
    const { call } = setup({});
    expect(await call('file:save', { suggestedName: 'a.json', content: '', filters })).toEqual({ ok: true, value: null });
  });
});
