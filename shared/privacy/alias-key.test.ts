import { describe, expect, it } from 'vitest';

import { openAliasKey, sealAliasKey, type AliasKey } from './alias-key';

const KEY: AliasKey = {
  projectId: 'p',
  projectName: 'Demo',
  createdAt: '2025-01-01T00:00:00.000Z',
  entries: [{ alias: 'Author 0417', identity: 'reddit:spez', names: ['spez', 'u/Spez'] }],
};
const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

describe('the alias key', () => {
  it('opens with its passphrase to the same aliases, and holds no name in the clear', async () => {
    const sealed = await sealAliasKey(KEY, 'correct horse battery', random, 1000);
    if (!sealed.ok) throw new Error(sealed.error.message);
    expect(sealed.value).not.toContain('spez');
    expect(sealed.value).not.toContain('Author 0417');
    const opened = await openAliasKey(sealed.value, 'correct horse battery');
    expect(opened).toEqual({ ok: true, value: KEY });
  });

  it('refuses a wrong passphrase and a changed file with a message, and a short passphrase before sealing', async () => {
    const sealed = await sealAliasKey(KEY, 'correct horse battery', random, 1000);
    if (!sealed.ok) throw new Error('sealing failed');
    const wrong = await openAliasKey(sealed.value, 'correct horse batterY');
    expect(wrong).toEqual({ ok: false, error: { record: 'alias key', field: 'passphrase', message: 'the passphrase does not open this key (or the file was changed)' } });
    const file = JSON.parse(sealed.value) as { data: string };
    const flipped = JSON.stringify({ ...file, data: (file.data[0] === '0' ? '1' : '0') + file.data.slice(1) });
    expect((await openAliasKey(flipped, 'correct horse battery')).ok).toBe(false);
    expect(await openAliasKey('{"format":"other"}', 'x')).toMatchObject({ ok: false, error: { message: expect.stringContaining('not an alias key file') } });
    expect(await sealAliasKey(KEY, 'short', random)).toMatchObject({ ok: false, error: { field: 'passphrase' } });
  });
});
