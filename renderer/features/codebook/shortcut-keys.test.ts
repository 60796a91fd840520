import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS, type Code } from '@shared/model/records';

import { codesByShortcut, shortcutOfKey, shortcutProblem } from './shortcut-keys';

const code = (id: string, shortcut: string | null, extra: Partial<Code> = {}): Code => ({
  ...EMPTY_CODE_FIELDS,
  id,
  name: id,
  parentId: null,
  order: 0,
  color: '#000000',
  examples: [],
  exemplarCodingIds: [],
  shortcut,
  ...extra,
});

describe('codesByShortcut', () => {
  it('maps each key to its code, leaving out codes without a key, categories and retired codes', () => {
    const map = codesByShortcut([code('a', '1'), code('b', null), code('c', 'x', { codable: false }), code('d', 'y', { retired: true }), code('e', 'q')]);
    expect([...map].map(([k, c]) => [k, c.id])).toEqual([
      ['1', 'a'],
      ['q', 'e'],
    ]);
  });
});

describe('shortcutOfKey', () => {
  const press = (key: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({ key, ctrlKey: false, altKey: false, metaKey: false, ...mods });
  it('reads one letter or digit, in lower case, without modifiers', () => {
    expect(shortcutOfKey(press('Q'))).toBe('q');
    expect(shortcutOfKey(press('7'))).toBe('7');
    expect(shortcutOfKey(press('q', { ctrlKey: true }))).toBeNull();
    expect(shortcutOfKey(press('q', { altKey: true }))).toBeNull();
    expect(shortcutOfKey(press('Enter'))).toBeNull();
    expect(shortcutOfKey(press('!'))).toBeNull();
  });
});

describe('shortcutProblem', () => {
  const codes = [code('a', 'q')];
  it('accepts no key, a free letter or digit, and the code keeping its own key', () => {
    expect(shortcutProblem('', null, codes)).toBeNull();
    expect(shortcutProblem('x', null, codes)).toBeNull();
    expect(shortcutProblem('Q', 'a', codes)).toBeNull();
  });

  it('refuses more than one key, a key the thread uses and a key another code has', () => {
    expect(shortcutProblem('ab', null, codes)).toContain('one key');
    expect(shortcutProblem('#', null, codes)).toContain('one key');
    expect(shortcutProblem('j', null, codes)).toBe('“j” moves to the next post in the thread: choose another key');
    expect(shortcutProblem('q', null, codes)).toBe('key “q” is already the shortcut of “a”');
  });
});
