import { describe, expect, it } from 'vitest';

import { readAllUtf8, readBytes, readUtf8 } from './web-platform';

describe('web platform file reading', () => {
  it('reads a picked file as its exact bytes, undecoded (a .qdpx archive)', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xef, 0xbb, 0xbf, 0xff]);
    expect(await readBytes(new File([bytes], 'study.qdpx'))).toEqual({ ok: true, value: { name: 'study.qdpx', bytes } });
  });

  it('reads text as UTF-8 and refuses a file that is not, by name', async () => {
    expect(await readUtf8(new File([new TextEncoder().encode('café')], 'a.csv'))).toEqual({ ok: true, value: { name: 'a.csv', content: 'café' } });
    expect(await readUtf8(new File([new Uint8Array([0x63, 0xe9])], 'latin1.csv'))).toEqual({ ok: false, error: 'latin1.csv is not valid UTF-8 text.' });
  });

  it('reads several files in the order picked; one that is not UTF-8 refuses them all, by name', async () => {
    const a = new File([new TextEncoder().encode('{}')], 'ben.json');
    const b = new File([new TextEncoder().encode('[]')], 'cy.json');
    expect(await readAllUtf8([a, b])).toEqual({ ok: true, value: [{ name: 'ben.json', content: '{}' }, { name: 'cy.json', content: '[]' }] });
    expect(await readAllUtf8([a, new File([new Uint8Array([0xe9])], 'bad.json')])).toEqual({ ok: false, error: 'bad.json is not valid UTF-8 text.' });
  });

  it('refuses a file over the cap before reading it, naming it', async () => {
    const result = await readBytes(new File([new Uint8Array(2048)], 'huge.qdpx'), 1024);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^huge\.qdpx is 1 MB; files over .* MB are not opened\.$/) });
  });
});
