import { describe, expect, it } from 'vitest';

import { isTerminalUnsafe, terminalSafe } from './terminal-safe';

describe('terminalSafe', () => {
  it('shows ESC sequences, C0 and C1 controls as escapes, so nothing reaches the terminal raw', () => {
    const name = 'Ada\u001b[2J\u001b]0;pwned\u0007\u009b31m\u0000';
    const shown = terminalSafe(name);
    expect(shown).toBe('Ada\\u001B[2J\\u001B]0;pwned\\u0007\\u009B31m\\u0000');
    expect([...shown].every((c) => !isTerminalUnsafe(c.codePointAt(0)!))).toBe(true);
  });

  it('escapes bidi overrides and isolates, which would reorder what is printed after the name', () => {
    expect(terminalSafe('code\u202Egnp.exe\u202C done')).toBe('code\\u202Egnp.exe\\u202C done');
    expect(terminalSafe('\u2066\u2067\u2068x\u2069\u202A\u202B\u202D')).toBe('\\u2066\\u2067\\u2068x\\u2069\\u202A\\u202B\\u202D');
  });

  it('keeps Arabic, Hebrew, Persian with ZWNJ, emoji sequences, marks, tabs and line ends as they are', () => {
    const text = 'مرحبا world\tשלום\nمی‌خواهم 👩‍👩‍👧 #هشتگ e\u0301 \u200F!\r\nend';
    expect(terminalSafe(text)).toBe(text);
  });

  it('escapes a lone carriage return (it would overwrite the line) and the Unicode line separators', () => {
    expect(terminalSafe('fake\rreal\u2028x\u2029')).toBe('fake\\u000Dreal\\u2028x\\u2029');
  });

  it('turns JSON into the same JSON: every escape parses back to the character', () => {
    const value = { name: 'a\u202Eb\u0085c\u2066', text: 'back\\slash \\u202E literal' };
    const json = JSON.stringify(value);
    expect(JSON.parse(terminalSafe(json))).toEqual(value);
    expect(terminalSafe(json)).not.toMatch(/[\u202e\u0085\u2066]/);
  });

  it('agrees with a per-character check over the first 0x3000 code points', () => {
    for (let cp = 0; cp < 0x3000; cp++) {
      if (cp === 0x0d) continue; // kept only before \n
      const char = String.fromCodePoint(cp);
      expect(terminalSafe(char) !== char, `U+${cp.toString(16)}`).toBe(isTerminalUnsafe(cp));
    }
  });
});
