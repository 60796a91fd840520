import { describe, expect, it } from 'vitest';

import { formatDescription, parseDescription, type DescriptionFields } from './description-layout';

const EMPTY: DescriptionFields = { definition: '', inclusion: '', exclusion: '', examples: [], shortcut: null, retired: false };
const fields = (partial: Partial<DescriptionFields>): DescriptionFields => ({ ...EMPTY, ...partial });

describe('formatDescription', () => {
  it('gives just the definition for a code that has nothing else', () => {
    expect(formatDescription(fields({ definition: 'Answers a claim by pointing elsewhere.' }))).toBe('Answers a claim by pointing elsewhere.');
  });

  it('gives an empty text for a code with no fields', () => {
    expect(formatDescription(EMPTY)).toBe('');
  });

  it('writes every field as a labelled block other tools show as plain text', () => {
    const text = formatDescription({
      definition: 'Answers a claim by pointing to a different problem.',
      inclusion: 'The reply names another party’s fault.',
      exclusion: 'Genuine comparisons: use "False equivalence".',
      examples: ['What about the other side?', 'Two lines\nof one example'],
      shortcut: 'w',
      retired: true,
    });
    expect(text).toBe(
      [
        'Answers a claim by pointing to a different problem.',
        '',
        'Include when:',
        'The reply names another party’s fault.',
        '',
        'Exclude when:',
        'Genuine comparisons: use "False equivalence".',
        '',
        'Examples:',
        '- What about the other side?',
        '- Two lines',
        '  of one example',
        '',
        'Shortcut: w',
        '',
        'Status: retired',
      ].join('\n'),
    );
  });

  it('escapes a field line that would read as a heading', () => {
    expect(formatDescription(fields({ definition: 'Intro\nExamples:\nnot a list' }))).toBe('Intro\n\\Examples:\nnot a list');
  });
});

describe('parseDescription', () => {
  it('reads a description from another tool (no headings) as the definition, unchanged', () => {
    for (const text of ['Plain memo text.', '  padded  \n\nsecond paragraph\n', 'Examples: inline, not a heading', 'line\r\nwith CR LF', '- looks like a bullet']) {
      expect(parseDescription(text)).toEqual(fields({ definition: text }));
    }
  });

  it('reads the layout when another tool kept it', () => {
    expect(parseDescription('Def.\n\nInclude when:\nA\n\nExamples:\n- one\n- two')).toEqual(fields({ definition: 'Def.', inclusion: 'A', examples: ['one', 'two'] }));
  });

  it('accepts an empty example whose trailing space was trimmed away', () => {
    expect(parseDescription('Examples:\n-\n- b')).toEqual(fields({ examples: ['', 'b'] }));
  });

  it('keeps text whose headings break the layout as the definition, unchanged', () => {
    const broken = [
      'Include when:\nA\n\nInclude when:\nB', // a heading twice
      'Shortcut: k\ntext after a one-line heading',
      'Examples:\nnot a bullet',
      'Definition glued to\nInclude when:\nA', // no blank line before the heading
    ];
    for (const text of broken) expect(parseDescription(text)).toEqual(fields({ definition: text }));
  });

  it('reads a shortcut and the retired status on their own', () => {
    expect(parseDescription('Shortcut: k')).toEqual(fields({ shortcut: 'k' }));
    expect(parseDescription('Status: retired')).toEqual(fields({ retired: true }));
  });
});

describe('format → parse round trip', () => {
  const cases: Array<[string, DescriptionFields]> = [
    ['every field', fields({ definition: 'D', inclusion: 'I', exclusion: 'E', examples: ['x', 'y'], shortcut: '7', retired: true })],
    ['multi-line fields with blank lines', fields({ definition: 'a\n\nb\n', inclusion: '\nstarts blank', exclusion: 'ends blank\n\n' })],
    ['heading-like lines everywhere', fields({ definition: 'Include when:', inclusion: 'Exclude when:\nStatus: retired', exclusion: 'Shortcut: q', examples: ['Examples:'] })],
    ['already escaped headings', fields({ definition: '\\Examples:\n\\\\Include when:', inclusion: '\\Shortcut:' })],
    ['examples with blank and empty lines', fields({ examples: ['', 'two\n\nparagraphs', '\nstarts with a newline', 'ends with one\n'] })],
    ['an empty shortcut key', fields({ shortcut: '' })],
    ['a shortcut with spaces', fields({ shortcut: ' k ' })],
    ['emoji, markup and separators', fields({ definition: '😀 <b>&amp;</b> "q" \'s\u2028next', examples: ['👩‍👩‍👧 family'] })],
    ['whitespace-only fields', fields({ definition: ' ', inclusion: '\t', exclusion: '\n' })],
    ['only a definition that looks like a broken layout', fields({ definition: 'Shortcut: k\nmore' })],
  ];
  it.each(cases)('keeps %s', (_label, value) => {
    expect(parseDescription(formatDescription(value))).toEqual(value);
  });

  it('keeps randomly assembled fields built from the tricky pieces', () => {
    const pieces = ['', 'a', '\n', '\n\n', 'Include when:', 'Exclude when:', 'Examples:', 'Shortcut: x', 'Shortcut:', 'Status: retired', '\\', '- ', '  ', '😀', '\r'];
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const text = (): string => Array.from({ length: random(6) }, () => pieces[random(pieces.length)]!).join('');
    for (let i = 0; i < 2000; i++) {
      const value = fields({
        definition: text(),
        inclusion: text(),
        exclusion: text(),
        examples: Array.from({ length: random(3) }, text),
        shortcut: random(3) === 0 ? null : text().replace(/[\r\n]/g, ''),
        retired: random(2) === 0,
      });
      expect(parseDescription(formatDescription(value))).toEqual(value);
    }
  });

  it('writes a line break in a shortcut as a space (a shortcut is one key on one line)', () => {
    expect(parseDescription(formatDescription(fields({ shortcut: 'a\nb' }))).shortcut).toBe('a b');
  });
});
