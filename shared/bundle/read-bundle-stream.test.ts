import { describe, expect, it } from 'vitest';

import demoJson from '../../resources/demo/demo-project.threadmark.json?raw';
import type { Bundle } from './bundle';
import { exampleBundle } from './fixtures.test-helpers';
import { TopLevelJsonReader } from './bundle-json-stream';
import { byteChunks, readBundleChunks } from './read-bundle-stream';
import { serializeBundle } from './serialize';
import { bundleBytes, serializeBundleChunks } from './serialize-chunks';
import { parseBundleText } from './validate';
import { duplicateKeyMessage, firstDuplicateKey } from '../util/json-duplicate-keys';

const encode = (text: string) => new TextEncoder().encode(text);

/** A bundle with many posts whose text is full of JSON's own characters, so record ends fall everywhere. */
function hostileBundle(): Bundle {
  const base = exampleBundle();
  const template = base.posts[1]!;
  const replies = Array.from({ length: 300 }, (_, i) => ({
    ...template,
    id: `p${i}`,
    text: `"posts": [\n  ] {"a":[1,2]} \\"${i}\\" \\\\ 👩‍👩‍👧 ${'x'.repeat(i % 97)}`,
    meta: { z: i, a: `\n  ]}`, b: '{"deep": "]"}', deleted: i % 2 === 0 },
  }));
  return { ...base, project: { ...base.project, name: '"threads": [] }' }, posts: [...base.posts, ...replies] };
}

const VALID: Record<string, () => string> = {
  example: () => serializeBundle(exampleBundle()),
  demo: () => demoJson,
  hostile: () => serializeBundle(hostileBundle()),
  'compact, keys in another order, arrays first': () => {
    const { format, formatVersion, ...rest } = JSON.parse(serializeBundle(exampleBundle())) as Record<string, unknown>;
    return JSON.stringify({ ...rest, formatVersion, format });
  },
  'a BOM and CRLF whitespace': () => `\uFEFF${serializeBundle(exampleBundle()).replaceAll('\n', '\r\n')}`,
};

const INVALID: Record<string, string> = {
  empty: '',
  blank: ' \n ',
  'not an object': '[1, 2]',
  'a trailing comma': '{"format": "threadmark",}',
  'an unclosed record': serializeBundle(exampleBundle()).slice(0, 900),
  'a bad record': serializeBundle(exampleBundle()).replace(/"author": "([^"]*)"/, '"author": $1'),
  'garbage after the object': `${serializeBundle(exampleBundle())} x`,
  'a missing colon': '{"format" "threadmark"}',
  'wrong shapes (valid JSON)': serializeBundle(exampleBundle()).replace(/"start": \d+/, '"start": -4').replace('"threads": [', '"threads": [7, '),
  'not a bundle': '{"format": "other"}',
  'an empty record': serializeBundle(exampleBundle()).replace('"threads": [', '"threads": [,'),
  'a trailing comma in an array': serializeBundle(exampleBundle()).replace(/\n {2}\],\n {2}"posts"/, ',\n  ],\n  "posts"'),
  'a brace closing an array': serializeBundle(exampleBundle()).replace(/\n {2}\],\n {2}"posts"/, '\n  },\n  "posts"'),
  'a repeated top-level key': serializeBundle(exampleBundle()).replace('{\n  "format"', '{\n  "exportedAt": 5,\n  "format"'),
  'shape, duplicate-id and cross-record problems together (in file order)': (() => {
    const b = exampleBundle();
    const posts = [...b.posts, { ...b.posts[1]!, threadId: 'nowhere' }, { ...b.posts[0]!, author: 7 as unknown as string }];
    return serializeBundle({ ...b, posts, codings: [...b.codings, { ...b.codings[0]!, id: 'c-extra', codeId: 'gone', start: 900 }] });
  })(),
  'a repeated key in a record': serializeBundle(exampleBundle()).replace(/"author": "/, '"id": "again", "author": "'),
};

async function readInPieces(text: string, size: number, withText: boolean) {
  return readBundleChunks(byteChunks(encode(text), size), withText ? async () => text : null);
}

describe('readBundleChunks', () => {
  it('reads what parseBundleText reads, in any chunking, without the text', async () => {
    for (const [name, make] of Object.entries(VALID)) {
      const text = make();
      const expected = parseBundleText(text);
      expect(expected.ok, name).toBe(true);
      for (const size of text.length < 20_000 ? [1, 3, 64, 4096] : [13, 4096, 1 << 24]) expect(await readInPieces(text, size, false), `${name} in chunks of ${size}`).toEqual(expected);
    }
    // Byte-sized chunks of the demo: 5–6 s on a loaded machine.
  }, 30_000);

  it('gives parseBundleText\'s problems for a file that is not a bundle, re-reading the text for JSON errors', async () => {
    for (const [name, text] of Object.entries(INVALID)) {
      const expected = parseBundleText(text);
      expect(expected.ok, name).toBe(false);
      for (const size of [1, 5, 4096]) expect(await readInPieces(text, size, true), `${name} in chunks of ${size}`).toEqual(expected);
    }
  });

  it('names the byte where the JSON breaks when the file is too big to re-read as text', async () => {
    const result = await readInPieces('{"format": "threadmark",}', 4, false);
    expect(result).toEqual({ ok: false, error: [{ record: 'bundle', message: 'not valid JSON: expected a key in double quotes, found "}" at byte 24' }] });
    const inside = await readInPieces('{"posts": [{"id": "p1"}, {"id": p2}]}', 7, false);
    expect(inside.ok).toBe(false);
    if (!inside.ok) expect(inside.error[0]!.message).toMatch(/^not valid JSON: .* \(in the value at byte \d+\)$/);
  });

  it('refuses bytes that are not UTF-8 as the CLI\'s readFile does', async () => {
    const bytes = new Uint8Array([...encode('{"format": "'), 0xff, ...encode('"}')]);
    await expect(readBundleChunks(byteChunks(bytes, 3), null)).rejects.toThrow('not valid UTF-8 text');
  });
});

describe('TopLevelJsonReader', () => {
  // Records are cut where a line "    }," ends one (serializeBundle's indentation) without scanning
  // their bytes; in a file indented otherwise that line can close a nested value, and must not cut.
  it('reads records whose nested values close on a line "    },", and records in the format\'s own layout', () => {
    const records = Array.from({ length: 3_000 }, (_, i) => ({ id: `r${i}`, x: [{ y: i }, { y: -i, z: 'a\n    },\n' }], w: '👩‍👩‍👧' }));
    for (const indent of [1, 2]) {
      const text = JSON.stringify({ a: records, b: 1, c: records.slice(0, 5) }, null, indent);
      if (indent === 1) expect(text).toContain('\n    },');
      for (const size of [1 << 16, 1 << 24]) {
        const reader = new TopLevelJsonReader();
        for (const chunk of byteChunks(encode(text), size)) reader.push(chunk);
        expect(reader.finish(), `indent ${indent}, chunks of ${size}`).toEqual(JSON.parse(text));
      }
    }
  });

  it('refuses a repeated key in a record of a batch cut at a "    }," line', () => {
    const records = Array.from({ length: 3_000 }, (_, i) => ({ id: `r${i}`, t: 'x'.repeat(20) }));
    const text = JSON.stringify({ a: records }, null, 2).replace('"id": "r2500"', '"id": "r2500", "id": "again"');
    const reader = new TopLevelJsonReader();
    expect(() => reader.push(encode(text))).toThrow(/not accepted as JSON: .*"id"/);
  });

  it('places a repeated key by the records\' own text (line and column), not the batch\'s wrapping', () => {
    const records = '{"id": "a"}, {"id": "b", "id": "c"}';
    const reader = new TopLevelJsonReader();
    const found = firstDuplicateKey(records)!;
    expect([found.line, found.column]).toEqual([1, 26]);
    expect(() => reader.push(encode(`{"a": [${records}]}`))).toThrow(`not accepted as JSON: ${duplicateKeyMessage(found)} (lines counted in the array from byte 7)`);
  });

  it('refuses a trailing comma in an array when the records before it were parsed with an earlier chunk', () => {
    const reader = new TopLevelJsonReader();
    reader.push(encode('{"a": [1,'));
    expect(() => reader.push(encode(' \n ]}'))).toThrow('not valid JSON: expected a value (in the array at byte 9)');
  });
});

describe('the streamed bundle writer', () => {
  it('writes serializeBundle\'s bytes for varied bundles, and they read back to the same bundle', async () => {
    const bundles = [exampleBundle(), hostileBundle(), parseOk(demoJson), { ...exampleBundle(), threads: [], posts: [], codings: [], journal: [] }];
    for (const bundle of bundles) {
      const text = serializeBundle(bundle);
      expect([...serializeBundleChunks(bundle)].join('')).toBe(text);
      expect(bundleBytes(bundle)).toEqual(encode(text));
      expect(await readBundleChunks(byteChunks(bundleBytes(bundle), 1000), null)).toEqual(parseBundleText(text));
    }
  }, 60_000);
});

function parseOk(text: string): Bundle {
  const parsed = parseBundleText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}
