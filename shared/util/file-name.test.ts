import { describe, expect, it } from 'vitest';

import { FALLBACK_STEM, fileStem } from './file-name';

describe('fileStem', () => {
  it('turns a project name into letters, digits and single dashes, lower case', () => {
    expect(fileStem('Demo: #MeToo backlash thread')).toBe('demo-metoo-backlash-thread');
    expect(fileStem('  Pilot study (2025) ')).toBe('pilot-study-2025');
    expect(fileStem('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
  });

  it('drops accents instead of splitting the word, and keeps other scripts', () => {
    expect(fileStem('Réseau café')).toBe('reseau-cafe');
    expect(fileStem('Übung Straße')).toBe('ubung-straße');
    expect(fileStem('Дискурс 言説')).toBe('дискурс-言説');
  });

  it('never leaves a dot, a path or an empty name', () => {
    expect(fileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(fileStem('...')).toBe(FALLBACK_STEM);
    expect(fileStem('')).toBe(FALLBACK_STEM);
    expect(fileStem('🙂🙂')).toBe(FALLBACK_STEM);
  });

  it('keeps at most 60 characters, without a dash at the end', () => {
    const stem = fileStem(`${'a'.repeat(59)} b`);
    expect(stem).toBe('a'.repeat(59));
    expect(fileStem('x'.repeat(200))).toHaveLength(60);
  });

  it('avoids the names Windows reserves', () => {
    expect(fileStem('CON')).toBe('con-project');
    expect(fileStem('lpt1')).toBe('lpt1-project');
    expect(fileStem('console')).toBe('console');
  });
});
