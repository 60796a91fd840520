import { describe, expect, it } from 'vitest';

import { ACTION_CATALOG } from '../actions/action-catalog';
import { BRIDGE_GLOBAL, EVENT_CHANNELS, eventContract, INVOKE_CHANNELS, invokeContract, MENU_COMMANDS } from './contract';

const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

const filters = [{ name: 'Threadmark bundle', extensions: ['json', 'threadmark.json'] }];

describe('IPC contract', () => {
  it('names the same channels in the plain lists and the schema tables', () => {
    expect(Object.keys(invokeContract).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(eventContract).sort()).toEqual([...EVENT_CHANNELS].sort());
    expect(BRIDGE_GLOBAL).toBe('threadmark');
  });

  it('app:info takes no request and returns name, version, platform', () => {
    const { req, res } = invokeContract['app:info'];
    expect(accepts(req, undefined)).toBe(true);
    expect(accepts(req, {})).toBe(false);
    expect(accepts(res, { name: 'Threadmark', version: '0.1.0', platform: 'linux' })).toBe(true);
    expect(accepts(res, { name: 'Threadmark', version: '0.1.0' })).toBe(false);
  });

  it('file:open accepts a title and filters, and rejects extra keys and dotted extensions', () => {
    const { req, res } = invokeContract['file:open'];
    expect(accepts(req, { title: 'Open thread', filters })).toBe(true);
    expect(accepts(req, { title: 'Open', filters: [{ name: 'All', extensions: ['*'] }] })).toBe(true);
    expect(accepts(req, { title: 'Open', filters: [{ name: 'JSON', extensions: ['.json'] }] })).toBe(false);
    expect(accepts(req, { title: 'Open', filters: [{ name: 'JSON', extensions: [] }] })).toBe(false);
    expect(accepts(req, { title: 'Open', filters, path: '/etc/passwd' })).toBe(false);
    expect(accepts(req, { title: 42, filters })).toBe(false);
    expect(accepts(res, null)).toBe(true);
    expect(accepts(res, { name: 'a.json', content: '{}' })).toBe(true);
    expect(accepts(res, { name: 'a.json' })).toBe(false);
  });

  it('file:open-binary takes what file:open takes and returns a name and bytes', () => {
    const { req, res } = invokeContract['file:open-binary'];
    expect(accepts(req, { title: 'Import a codebook', filters: [{ name: 'REFI-QDA', extensions: ['qdc', 'qdpx'] }] })).toBe(true);
    expect(accepts(req, { title: 'Open', filters, path: '/etc/passwd' })).toBe(false);
    expect(accepts(res, null)).toBe(true);
    expect(accepts(res, { name: 'project.qdpx', bytes: new Uint8Array([0x50, 0x4b]) })).toBe(true);
    expect(accepts(res, { name: 'project.qdpx', bytes: 'PK' })).toBe(false);
    expect(accepts(res, { name: 'project.qdpx', content: 'PK' })).toBe(false);
  });

  it('file:save accepts a bare file name only', () => {
    const { req, res } = invokeContract['file:save'];
    const base = { content: 'x', filters };
    expect(accepts(req, { ...base, suggestedName: 'project.threadmark.json' })).toBe(true);
    for (const suggestedName of ['', '../evil.json', '/tmp/x.json', 'C:\\x.json', 'a\0b', '..', '.']) {
      expect(accepts(req, { ...base, suggestedName }), suggestedName).toBe(false);
    }
    expect(accepts(req, { suggestedName: 'a.json', filters })).toBe(false);
    // Bytes too (XLSX, Parquet), but nothing else.
    expect(accepts(req, { suggestedName: 'a.xlsx', content: new Uint8Array([80, 75]), filters })).toBe(true);
    expect(accepts(req, { suggestedName: 'a.xlsx', content: [80, 75], filters })).toBe(false);
    expect(accepts(res, null)).toBe(true);
    expect(accepts(res, { path: '/home/u/a.json' })).toBe(true);
  });

  it('shell:open-external takes a bounded url string', () => {
    const { req, res } = invokeContract['shell:open-external'];
    expect(accepts(req, { url: 'https://example.org/' })).toBe(true);
    expect(accepts(req, { url: '' })).toBe(false);
    expect(accepts(req, { url: 'https://x/'.padEnd(9000, 'a') })).toBe(false);
    expect(accepts(req, 'https://example.org/')).toBe(false);
    expect(accepts(res, undefined)).toBe(true);
  });

  it('menu:command carries the id of an action in the catalog', () => {
    const schema = eventContract['menu:command'];
    for (const command of MENU_COMMANDS) expect(accepts(schema, { command })).toBe(true);
    expect(accepts(schema, { command: 'format-disk' })).toBe(false);
    expect(accepts(schema, { command: 'undo', extra: true })).toBe(false);
    expect(MENU_COMMANDS).toEqual(ACTION_CATALOG.map((action) => action.id));
    // The commands the menu sent before the catalog are all still there.
    expect(MENU_COMMANDS).toEqual(
      expect.arrayContaining([
        'undo',
        'redo',
        'import-threads',
        'export-bundle',
        'import-bundle',
        'export-csv',
        'codebook-import',
        'codebook-export-qdc',
        'codebook-export-markdown',
        'codebook-export-html',
        'codebook-export-csv',
        'codebook-name-version',
        'codebook-versions',
      ]),
    );
  });
});
