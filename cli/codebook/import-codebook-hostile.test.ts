/** Issue 14: `Shortcut: A` in a .qdc gave "internal error" blaming the output file; too deep a tree was accepted. */
import { describe, expect, it } from 'vitest';

import { MAX_CODE_DEPTH } from '@shared/codebook/code-limits';
import { guid } from '@shared/codebook/refi/refi.test-helpers';

import { importCommand } from '../commands/import';
import { memoryImportIo } from '../import/memory-import-io.test-helpers';
import { bundleOf, deps } from './codebook-cli.test-helpers';

const NS = 'xmlns="urn:QDA-XML:codebook:1.0"';

describe('threadmark import <codebook> of a hostile .qdc', () => {
  it('"Shortcut: A" imports as the key a, exit 0, nothing blamed on the output file', async () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook ${NS}><Codes><Code guid="${guid(1)}" name="Claim" isCodable="true"><Description>Shortcut: A</Description></Code></Codes></CodeBook>\n`;
    const m = memoryImportIo({ 'keys.qdc': xml });
    expect(await importCommand(['keys.qdc', '-o', 'b.threadmark.json'], m.io, deps())).toBe(0);
    expect(m.stderr()).toBe('');
    expect(bundleOf(m.text('b.threadmark.json')).codes.map((c) => c.shortcut)).toEqual(['a']);
  });

  it(`a tree deeper than ${MAX_CODE_DEPTH} levels is refused naming the file and the code, and nothing is written`, async () => {
    const levels = MAX_CODE_DEPTH + 1;
    const nested = Array.from({ length: levels }, (_, i) => `<Code guid="${guid(i + 1)}" name="L${i}" isCodable="true">`).join('') + '</Code>'.repeat(levels);
    const m = memoryImportIo({ 'deep.qdc': `<CodeBook ${NS}><Codes>${nested}</Codes></CodeBook>` });
    expect(await importCommand(['deep.qdc', '-o', 'b.threadmark.json'], m.io, deps())).not.toBe(0);
    expect(m.stderr()).toContain('deep.qdc');
    expect(m.stderr()).toContain(`nested ${levels} levels deep, deeper than the ${MAX_CODE_DEPTH} levels Threadmark accepts`);
    expect(m.stderr()).not.toContain('internal error');
    expect(m.text('b.threadmark.json')).toBeUndefined();
  });
});
