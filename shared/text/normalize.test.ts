import { describe, expect, it } from 'vitest';

import { normalizeText } from './normalize';

describe('normalizeText', () => {
  it('strips only a leading BOM', () => {
    expect(normalizeText('\ufeffhello')).toBe('hello');
    expect(normalizeText('a\ufeffb')).toBe('a\ufeffb');
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeText('line one\r\nline two\r\n')).toBe('line one\nline two\n');
    expect(normalizeText('old mac\rline')).toBe('old mac\nline');
    expect(normalizeText('mixed\r\n\r\n\r\n')).toBe('mixed\n\n\n');
    expect(normalizeText('a\r\rb')).toBe('a\n\nb');
  });

  it('composes to NFC', () => {
    expect(normalizeText('cafe\u0301')).toBe('caf\u00e9');
    expect(normalizeText('cafe\u0301').length).toBe(4);
  });

  it('handles a whole CRLF source file with BOM and decomposed accents', () => {
    const raw = '\ufeffRe: cafe\u0301 claims\r\n> quoted\r\nreply 😀\r\n';
    expect(normalizeText(raw)).toBe('Re: caf\u00e9 claims\n> quoted\nreply 😀\n');
  });

  it('is idempotent and leaves emoji sequences alone', () => {
    const once = normalizeText('👩‍👩‍👧 🇫🇷\r\n');
    expect(normalizeText(once)).toBe(once);
    expect(once).toBe('👩‍👩‍👧 🇫🇷\n');
  });
});
