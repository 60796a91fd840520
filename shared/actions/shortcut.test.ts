import { describe, expect, it } from 'vitest';

import { ariaKeyShortcut, formatShortcut, isApplePlatform, matchesShortcut, parseShortcut, toAccelerator } from './shortcut';

const press = (key: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}, code?: string) => ({
  key,
  code,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('shortcut notation', () => {
  it('parses modifiers and one key', () => {
    expect(parseShortcut('Mod+Shift+Z')).toEqual({ mod: true, shift: true, alt: false, key: 'z' });
    expect(parseShortcut('Alt+ArrowUp')).toEqual({ mod: false, shift: false, alt: true, key: 'ArrowUp' });
    expect(parseShortcut('F2')).toEqual({ mod: false, shift: false, alt: false, key: 'F2' });
    expect(parseShortcut('Mod+1').key).toBe('1');
  });

  it('refuses what is not in the notation', () => {
    expect(() => parseShortcut('Ctrl+Z')).toThrow(/unknown modifier "Ctrl"/);
    expect(() => parseShortcut('Mod+Mod+Z')).toThrow(/twice/);
    expect(() => parseShortcut('Mod+Zed')).toThrow(/unknown key "Zed"/);
    expect(() => parseShortcut('Mod+')).toThrow(/unknown key/);
    expect(() => parseShortcut('')).toThrow(/unknown key/);
  });
});

describe('matchesShortcut', () => {
  it('takes Ctrl or ⌘ for Mod, whatever the letter case Shift gives', () => {
    expect(matchesShortcut(press('z', { ctrl: true }), 'Mod+Z')).toBe(true);
    expect(matchesShortcut(press('z', { meta: true }), 'Mod+Z')).toBe(true);
    expect(matchesShortcut(press('Z', { ctrl: true, shift: true }), 'Mod+Shift+Z')).toBe(true);
    expect(matchesShortcut(press('k', { ctrl: true }), 'Mod+K')).toBe(true);
  });

  it('wants Shift and Alt exactly as written, and Mod only when written', () => {
    expect(matchesShortcut(press('Z', { ctrl: true, shift: true }), 'Mod+Z')).toBe(false);
    expect(matchesShortcut(press('z', { ctrl: true }), 'Mod+Shift+Z')).toBe(false);
    expect(matchesShortcut(press('z', { ctrl: true, alt: true }), 'Mod+Z')).toBe(false);
    expect(matchesShortcut(press('z'), 'Mod+Z')).toBe(false);
    expect(matchesShortcut(press('F2', { ctrl: true }), 'F2')).toBe(false);
    expect(matchesShortcut(press('F2'), 'F2')).toBe(true);
    expect(matchesShortcut(press('ArrowUp', { alt: true }), 'Alt+ArrowUp')).toBe(true);
    expect(matchesShortcut(press('y', { ctrl: true }), 'Mod+Z')).toBe(false);
  });

  it('falls back to the physical key only when the layout types no Latin letter', () => {
    // Russian layout: the Z key types "я".
    expect(matchesShortcut(press('я', { ctrl: true }, 'KeyZ'), 'Mod+Z')).toBe(true);
    // AZERTY: the key labelled Z sits where QWERTY has W; it is Z, and W is not Z.
    expect(matchesShortcut(press('z', { ctrl: true }, 'KeyW'), 'Mod+Z')).toBe(true);
    expect(matchesShortcut(press('w', { ctrl: true }, 'KeyZ'), 'Mod+Z')).toBe(false);
    expect(matchesShortcut(press('&', { ctrl: true }, 'Digit1'), 'Mod+1')).toBe(true);
  });
});

describe('showing shortcuts', () => {
  it('writes Ctrl on Linux and Windows, the symbols on macOS', () => {
    expect(formatShortcut('Mod+Z', 'other')).toBe('Ctrl+Z');
    expect(formatShortcut('Mod+Shift+Z', 'other')).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('Mod+K', 'mac')).toBe('⌘K');
    expect(formatShortcut('Mod+Shift+Z', 'mac')).toBe('⇧⌘Z');
    expect(formatShortcut('Alt+ArrowUp', 'mac')).toBe('⌥↑');
    expect(formatShortcut('Alt+ArrowUp', 'other')).toBe('Alt+↑');
    expect(formatShortcut('Escape', 'other')).toBe('Esc');
  });

  it('gives aria-keyshortcuts and Electron accelerators', () => {
    expect(ariaKeyShortcut('Mod+Shift+Z', 'other')).toBe('Control+Shift+Z');
    expect(ariaKeyShortcut('Mod+K', 'mac')).toBe('Meta+K');
    expect(toAccelerator('Mod+Z')).toBe('CmdOrCtrl+Z');
    expect(toAccelerator('Mod+Shift+Z')).toBe('CmdOrCtrl+Shift+Z');
    expect(toAccelerator('Alt+ArrowDown')).toBe('Alt+Down');
  });

  it('knows Apple platforms', () => {
    expect(isApplePlatform('MacIntel')).toBe(true);
    expect(isApplePlatform('macOS')).toBe(true);
    expect(isApplePlatform('iPad')).toBe(true);
    expect(isApplePlatform('Linux x86_64')).toBe(false);
    expect(isApplePlatform('Win32')).toBe(false);
  });
});
