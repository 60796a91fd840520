import { describe, expect, it } from 'vitest';

import { codebookCsv } from '@shared/codebook/codebook-csv';
import { writeQdc } from '@shared/codebook/refi/write-qdc';
import { guid, makeCode } from '@shared/codebook/refi/refi.test-helpers';
import { buildZip } from '@shared/codebook/refi/zip.test-helpers';
import type { Code } from '@shared/model/records';

import { codebookFileFormat, parseCodebookFile, type ParseCodebookResult } from './parse-codebook-file';

const ids = () => {
  let n = 0;
  return { newId: () => guid(1000 + ++n) };
};
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const codebook: Code[] = [
  makeCode({ id: guid(1), name: 'Minimizing', codable: false, color: '#112233' }),
  makeCode({ id: guid(2), name: 'Downplaying harm', parentId: guid(1), definition: 'Says the harm is small.', inclusion: 'Only, just, merely.', exclusion: 'Jokes: use Hostility.' }),
  makeCode({ id: guid(3), name: 'Hedging', parentId: guid(1), order: 1, examples: ['Maybe it was not that bad.'] }),
  makeCode({ id: guid(4), name: 'Both-sides hedge', parentId: guid(3), shortcut: 'b', retired: true }),
];

function value(result: ParseCodebookResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}
function problems(result: ParseCodebookResult) {
  if (result.ok) throw new Error('expected problems');
  return result.error;
}

describe('parseCodebookFile', () => {
  it('reads back a .qdc Threadmark wrote: the same tree, criteria, examples, key and status', async () => {
    const qdc = writeQdc(codebook, { origin: 'Threadmark 0.1.0' });
    if (!qdc.ok) throw new Error(qdc.error.join('\n'));
    const parsed = value(await parseCodebookFile(bytes(qdc.value), 'team.qdc', ids()));
    expect(parsed).toMatchObject({ fileName: 'team.qdc', format: 'qdc', origin: 'Threadmark 0.1.0', warnings: [] });
    expect(parsed.codes).toEqual(codebook);
  });

  it('reads the codebook inside a .qdpx project', async () => {
    const qdc = writeQdc(codebook, { origin: 'x' });
    if (!qdc.ok) throw new Error('unwritable');
    const codeBook = qdc.value.slice(qdc.value.indexOf('<CodeBook')).replace(/ xmlns="[^"]*"/, '').replace(/ origin="x"/, '');
    const qde = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="MAXQDA 24">\n${codeBook}</Project>\n`;
    const parsed = value(await parseCodebookFile(buildZip([{ name: 'project.qde', data: qde }]), 'study.qdpx', ids()));
    expect(parsed.format).toBe('qdpx');
    expect(parsed.origin).toBe('MAXQDA 24');
    expect(parsed.codes.map((c) => [c.name, c.parentId])).toEqual(codebook.map((c) => [c.name, c.parentId]));
  });

  it('reads a codebook CSV, with codes for path levels that have no row', async () => {
    const csv = 'path,definition,color\r\nMinimizing > Hedging,Softens a claim.,#AABBCC\r\n';
    const parsed = value(await parseCodebookFile(bytes(`\uFEFF${csv}`), 'codes.csv', ids()));
    expect(parsed.format).toBe('csv');
    expect(parsed.codes.map((c) => [c.id, c.name, c.parentId, c.definition, c.color])).toEqual([
      [guid(1002), 'Minimizing', null, '', '#e6194b'],
      [guid(1001), 'Hedging', guid(1002), 'Softens a claim.', '#aabbcc'],
    ]);
    // What the app writes reads back the same.
    expect(value(await parseCodebookFile(bytes(codebookCsv(codebook, { mode: 'formula-safe' })), 'export.csv', ids())).codes).toEqual(codebook);
  });

  it('stores text as the codebook panel would: trimmed, colours and keys in lower case', async () => {
    const qdc = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="${guid(7)}" name="  Hedging " isCodable="true" color="#AABBCC"><Description>  Softens a claim.\n\nShortcut: H</Description></Code></Codes></CodeBook>`;
    const [code] = value(await parseCodebookFile(bytes(qdc), 'x.qdc', ids())).codes;
    expect(code).toMatchObject({ name: 'Hedging', color: '#aabbcc', definition: 'Softens a claim.', shortcut: 'h' });
  });

  it('refuses a hostile .qdc before parsing it, naming the file and line', async () => {
    const evil = `<?xml version="1.0"?>\n<!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<CodeBook><Codes><Code guid="${guid(1)}" name="&xxe;"/></Codes></CodeBook>`;
    const [problem, ...rest] = problems(await parseCodebookFile(bytes(evil), 'evil.qdc', ids()));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'evil.qdc', line: 2 });
    expect(problem!.message).toContain('DOCTYPE');
  });

  it('names the element and attribute of a broken code, and the line and column of a bad CSV cell', async () => {
    const qdc = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0">\n<Codes>\n<Code guid="${guid(1)}" name="A"/>\n<Code name="B"/>\n</Codes></CodeBook>`;
    expect(problems(await parseCodebookFile(bytes(qdc), 'team.qdc', ids()))).toEqual([
      expect.objectContaining({ file: 'team.qdc', line: 4, record: 'Codes/Code[2]', field: 'guid' }),
    ]);
    expect(problems(await parseCodebookFile(bytes('path,color\r\nA,red\r\n'), 'codes.csv', ids()))).toEqual([
      expect.objectContaining({ file: 'codes.csv', line: 2, field: 'color' }),
    ]);
  });

  it('refuses a file that is not UTF-8, naming the byte', async () => {
    const [problem] = problems(await parseCodebookFile(new Uint8Array([0x70, 0x61, 0x74, 0x68, 0x0a, 0xe9, 0x0a]), 'latin1.csv', ids()));
    expect(problem).toMatchObject({ file: 'latin1.csv', line: 2 });
    expect(problem!.message).toMatch(/not valid UTF-8/);
  });
});

describe('codebookFileFormat', () => {
  it('knows a zip by its bytes, else goes by the extension, else by a leading "<"', () => {
    expect(codebookFileFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'renamed.qdc')).toBe('qdpx');
    expect(codebookFileFormat(bytes('<CodeBook/>'), 'a.QDC')).toBe('qdc');
    expect(codebookFileFormat(bytes('path\n'), 'a.tsv')).toBe('csv');
    expect(codebookFileFormat(bytes('\uFEFF  <?xml version="1.0"?>'), 'codebook')).toBe('qdc');
    expect(codebookFileFormat(bytes('path,definition'), 'codebook')).toBe('csv');
  });
});
