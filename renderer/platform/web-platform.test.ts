import { describe, expect, it } from 'vitest';

import { readAll, readBytes, readUtf8 } from './web-platform';

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
    expect(await readAll([a, b])).toEqual({ ok: true, value: [{ name: 'ben.json', content: '{}' }, { name: 'cy.json', content: '[]' }] });
    expect(await readAll([a, new File([new Uint8Array([0xe9])], 'bad.json')])).toEqual({ ok: false, error: 'bad.json is not valid UTF-8 text.' });
  });

  it('reads a zip archive in a mixed selection as bytes, whatever its name, and a .qdpx as bytes even when damaged', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xe9]);
    const damaged = new Uint8Array([0xe9, 0x00]);
    const text = new File([new TextEncoder().encode('{}')], 'ben.json');
    expect(await readAll([text, new File([zip], 'nora-export'), new File([damaged], 'cy.QDPX')])).toEqual({
      ok: true,
      value: [
        { name: 'ben.json', content: '{}' },
        { name: 'nora-export', bytes: zip },
        { name: 'cy.QDPX', bytes: damaged },
      ],
    });
  });

  it('refuses a file over the cap before reading it, naming it', async () => {
    const result = await readBytes(new File([new Uint8Array(2048)], 'huge.qdpx'), 1024);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^huge\.qdpx is 1 MB; files over .* MB are not opened\.$/) });
  });
});
