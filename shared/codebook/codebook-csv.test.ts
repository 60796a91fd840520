import { parse } from 'csv-parse/browser/esm/sync';
import { describe, expect, it } from 'vitest';

import type { Code } from '../model/records';
import { codebookCsv, parseCodebookCsv, readCodebookCsv } from './codebook-csv';
import { code, countingIds } from './codebook-fixtures.test-helpers';
import { escapePathName, splitEscapedPath } from './escaped-code-path';

const tricky: Code[] = [
  code('11111111-1111-4111-8111-111111111111', 'Fallacy, logical', null, { color: '#4363d8', codable: false, definition: 'He said "no", then:\nleft. 🙂' }),
  code('22222222-2222-4222-8222-222222222222', 'Score > 5 \\ high', '11111111-1111-4111-8111-111111111111', {
    inclusion: '=HYPERLINK("http://evil")',
    exclusion: '-not this\r\nnor that',
    examples: ['@someone said it', 'Line with, comma', '👩‍👩‍👧 family'],
    shortcut: 's',
    retired: true,
  }),
  code('33333333-3333-4333-8333-333333333333', "'=already quoted", null, { order: 1, color: '#aabbcc', definition: '+1 agree' }),
];

/** What a code reads back as: line ends normalized, as the reader does. */
const expected = (c: Code): Code => ({ ...c, exclusion: c.exclusion.replace(/\r\n/g, '\n') });
const rowsOf = (csv: string): string[][] => parse(csv, { bom: true });
const parseOk = (text: string): Code[] => {
  const result = parseCodebookCsv(text, 'codebook.csv', countingIds());
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

describe('codebookCsv', () => {
  it('writes one row per code in tree order with the documented columns', () => {
    const rows = rowsOf(codebookCsv(tricky, { mode: 'raw' }));
    expect(rows[0]).toEqual(['path', 'name', 'parent_path', 'definition', 'inclusion', 'exclusion', 'examples', 'color', 'codable', 'retired', 'shortcut', 'guid']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Fallacy, logical', 'Fallacy, logical', ''],
      ['Fallacy, logical > Score \\> 5 \\\\ high', 'Score > 5 \\ high', 'Fallacy, logical'],
      ["'=already quoted", "'=already quoted", ''],
    ]);
    expect(rows[2]!.slice(6)).toEqual(['@someone said it\nLine with, comma\n👩‍👩‍👧 family', '#336699', 'true', 'true', 's', '22222222-2222-4222-8222-222222222222']);
    expect(rows[2]![3]).toBe('');
    expect(codebookCsv(tricky, { mode: 'raw' }).split('\r\n')[0]).toBe('path,name,parent_path,definition,inclusion,exclusion,examples,color,codable,retired,shortcut,guid');
  });

  it('prefixes cells a spreadsheet would run as formulas in formula-safe mode only', () => {
    const safe = rowsOf(codebookCsv(tricky, { mode: 'formula-safe' }));
    expect(safe[2]![4]).toBe(`'=HYPERLINK("http://evil")`);
    expect(safe[2]![5]).toBe("'-not this\r\nnor that");
    expect(safe[2]![6]!.startsWith("'@someone")).toBe(true);
    expect(safe[3]![0]).toBe("''=already quoted");
    expect(safe[3]![3]).toBe("'+1 agree");
    expect(safe[1]![3]).toBe('He said "no", then:\nleft. 🙂'); // nothing to escape
    const raw = rowsOf(codebookCsv(tricky, { mode: 'raw' }));
    expect(raw[2]![4]).toBe('=HYPERLINK("http://evil")');
    expect(raw[3]![3]).toBe('+1 agree');
    expect(codebookCsv(tricky, { mode: 'formula-safe' })).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe('parseCodebookCsv', () => {
  it('reads back what it writes, in both modes: commas, quotes, line breaks, emoji, separators in names', () => {
    expect(parseOk(codebookCsv(tricky, { mode: 'formula-safe' }))).toEqual(tricky.map(expected));
    const raw = parseOk(codebookCsv(tricky, { mode: 'raw' }));
    expect(raw.slice(0, 2)).toEqual(tricky.slice(0, 2).map(expected));
    expect(raw[2]!.name).toBe('=already quoted'); // documented: a raw leading ' before = reads as the safe-mode prefix
  });

  it('builds the hierarchy from a hand-written file with only a path column', () => {
    const codes = parseOk('path\nFallacy\nFallacy > Ad hominem\nDerailing>Topic shift > Small talk\nFallacy > False equivalence\n');
    const view = codes.map((c) => [c.id, c.name, c.parentId, c.order, c.color]);
    expect(view).toEqual([
      ['new-1', 'Fallacy', null, 0, '#e6194b'],
      ['new-2', 'Ad hominem', 'new-1', 0, '#3cb44b'],
      ['new-5', 'Derailing', null, 1, '#4363d8'],
      ['new-6', 'Topic shift', 'new-5', 0, '#f58231'],
      ['new-3', 'Small talk', 'new-6', 0, '#911eb4'],
      ['new-4', 'False equivalence', 'new-1', 1, '#42d4f4'],
    ]);
    expect(codes[0]).toMatchObject({ definition: '', examples: [], codable: true, retired: false, shortcut: null });
  });

  it('reads a name column with a parent column, synonyms in any case, a BOM, semicolons and CRLF', () => {
    const text = '\uFEFFCode;Parent;Description;Colour;Codable\r\nFallacy;;Flawed reasoning;4363D8;no\r\nAd hominem;Fallacy;;#abc;\r\n';
    const codes = parseOk(text);
    expect(codes.map((c) => [c.name, c.parentId, c.definition, c.color, c.codable])).toEqual([
      ['Fallacy', null, 'Flawed reasoning', '#4363d8', false],
      ['Ad hominem', 'new-1', '', '#aabbcc', true],
    ]);
  });

  it('names the file, line and column of every problem', () => {
    const problems = (text: string) => {
      const result = parseCodebookCsv(text, 'book.csv', countingIds());
      return result.ok ? [] : result.error;
    };
    expect(problems('path,colour\nA,blue\n')).toEqual([{ file: 'book.csv', line: 2, field: 'color', message: '"blue" is not a colour like #1f77b4' }]);
    expect(problems('path,notes\nA,x\n')[0]).toMatchObject({ line: 1, field: 'notes' });
    expect(problems('definition\nx\n')[0]).toMatchObject({ line: 1, field: 'path' });
    expect(problems('path,name\nA > B,C\n')[0]).toMatchObject({ line: 2, field: 'name' });
    expect(problems('path\nA >> B\n')[0]).toMatchObject({ line: 2, field: 'path' });
    expect(problems('path,shortcut\nA,ab\n')[0]).toMatchObject({ line: 2, field: 'shortcut' });
    expect(problems('path,retired\nA,maybe\n')[0]).toMatchObject({ line: 2, field: 'retired' });
    expect(problems('path,parent_path\nA,\nA > B,X\n')[0]).toMatchObject({ line: 3, field: 'parent_path' });
    expect(problems('path,parent_path\nA,\nA > B,\n')).toEqual([]); // an empty parent_path defers to the path
    expect(problems('path,definition\n"A","multi\nline"\nB,\nA,again\n')).toEqual([
      { file: 'book.csv', line: 5, field: 'path', message: 'the path "A" is already used on line 2' },
    ]);
    expect(problems('path,guid\nA,g1\nB,g1\n')[0]).toMatchObject({ line: 3, field: 'guid' });
    expect(problems('path\n"A\n')[0]).toMatchObject({ file: 'book.csv', line: 2 });
    expect(problems('path,\nA,x\n')[0]).toMatchObject({ line: 2, field: 'column 2' });
    expect(problems('')[0]).toMatchObject({ file: 'book.csv' });
  });
});

describe('escaped code paths', () => {
  it('escape and split are inverse, and hand-written paths split on every >', () => {
    const names = ['a > b', 'back\\slash', ' x '];
    expect(splitEscapedPath(names.map(escapePathName).join(' > '))).toEqual(['a > b', 'back\\slash', 'x']);
    expect(splitEscapedPath('A>B >C')).toEqual(['A', 'B', 'C']);
    expect(splitEscapedPath('  ')).toEqual([]);
  });
});

describe('readCodebookCsv: what the file does not say', () => {
  it('marks missing columns, empty colours and path levels without a row as unknown', () => {
    const read = readCodebookCsv('path,definition,color\nMoves > Derailing,Moves away.,\nMoves > Whataboutism,What about…,#ff0000\n', 'c.csv', countingIds());
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const id = (name: string) => read.value.codes.find((c) => c.name === name)!.id;
    // "Moves" has no row of its own: nothing about it is known but its name and place.
    expect(read.value.unknownFields.get(id('Moves'))).toEqual(['definition', 'inclusion', 'exclusion', 'examples', 'color', 'shortcut', 'codable', 'retired']);
    expect(read.value.unknownFields.get(id('Derailing'))).toEqual(['inclusion', 'exclusion', 'examples', 'color', 'shortcut', 'codable', 'retired']);
    expect(read.value.unknownFields.get(id('Whataboutism'))).toEqual(['inclusion', 'exclusion', 'examples', 'shortcut', 'codable', 'retired']);
  });
});
