/**
 * One notation for keyboard shortcuts: modifiers then one key, joined by "+" ("Mod+Shift+Z",
 * "Mod+K", "Alt+ArrowUp", "F2"). `Mod` is Ctrl, or ⌘ on macOS; the other modifiers are `Shift`
 * and `Alt`. The key is one letter or digit (any case), or a KeyboardEvent.key name ("Enter",
 * "ArrowUp", "F2"). From it: matching a key press, the text shown to people (Ctrl+Shift+Z or ⇧⌘Z),
 * aria-keyshortcuts, and Electron's accelerator.
 */

export interface Chord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  /** A lower-case letter or digit, or a KeyboardEvent.key name. */
  key: string;
}

/** What a matcher needs of a KeyboardEvent (a DOM event fits). */
export interface KeyPress {
  key: string;
  /** The physical key ("KeyZ"), for layouts whose letters are not Latin. */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type ShortcutPlatform = 'mac' | 'other';

const MODIFIERS = ['Mod', 'Shift', 'Alt'] as const;
const NAMED_KEYS = new Set([
  'Enter', 'Escape', 'Tab', 'Space', 'Backspace', 'Delete', 'Home', 'End', 'PageUp', 'PageDown',
  'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight',
  ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
]);

/** The chord `shortcut` names; throws on anything outside the notation (a typo in the catalog fails its test). */
export function parseShortcut(shortcut: string): Chord {
  const parts = shortcut.split('+');
  const key = parts.pop() ?? '';
  const chord: Chord = { mod: false, shift: false, alt: false, key: '' };
  for (const part of parts) {
    if (!(MODIFIERS as readonly string[]).includes(part)) throw new Error(`"${shortcut}": unknown modifier "${part}" (use Mod, Shift, Alt)`);
    const name = part.toLowerCase() as 'mod' | 'shift' | 'alt';
    if (chord[name]) throw new Error(`"${shortcut}": "${part}" twice`);
    chord[name] = true;
  }
  if (/^[a-z0-9]$/i.test(key)) chord.key = key.toLowerCase();
  else if (NAMED_KEYS.has(key)) chord.key = key;
  else throw new Error(`"${shortcut}": unknown key "${key}"`);
  return chord;
}

/** Whether the key press is the shortcut. Mod accepts Ctrl or ⌘ on every system; Shift and Alt must be exactly as written. */
export function matchesShortcut(event: KeyPress, shortcut: string): boolean {
  const chord = parseShortcut(shortcut);
  const mod = event.ctrlKey || event.metaKey;
  if (mod !== chord.mod || event.shiftKey !== chord.shift || event.altKey !== chord.alt) return false;
  if (chord.key.length > 1) return event.key === (chord.key === 'Space' ? ' ' : chord.key);
  const pressed = event.key.toLowerCase();
  if (pressed === chord.key) return true;
  // A non-Latin layout (Cyrillic, Greek…) types another letter: fall back to the physical key.
  // Only then, so that on AZERTY the key labelled Z (code "KeyW") is still Z.
  if (/^[a-z0-9]$/.test(pressed) || event.code === undefined) return false;
  return event.code === (/^[0-9]$/.test(chord.key) ? `Digit${chord.key}` : `Key${chord.key.toUpperCase()}`);
}

const MAC_KEYS: Readonly<Record<string, string>> = {
  Enter: '↩', Escape: '⎋', Tab: '⇥', Space: 'Space', Backspace: '⌫', Delete: '⌦',
  ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', PageUp: '⇞', PageDown: '⇟', Home: '↖', End: '↘',
};
const OTHER_KEYS: Readonly<Record<string, string>> = {
  Escape: 'Esc', Delete: 'Del', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', PageUp: 'PgUp', PageDown: 'PgDn',
};

/** The shortcut as people read it: "Ctrl+Shift+Z" on Linux and Windows, "⇧⌘Z" on macOS. */
export function formatShortcut(shortcut: string, platform: ShortcutPlatform): string {
  const { mod, shift, alt, key } = parseShortcut(shortcut);
  const keyText = key.length === 1 ? key.toUpperCase() : key;
  if (platform === 'mac') return `${alt ? '⌥' : ''}${shift ? '⇧' : ''}${mod ? '⌘' : ''}${MAC_KEYS[key] ?? keyText}`;
  return [mod ? 'Ctrl' : null, alt ? 'Alt' : null, shift ? 'Shift' : null, OTHER_KEYS[key] ?? keyText].filter(Boolean).join('+');
}

/** The aria-keyshortcuts value ("Control+Shift+Z", or "Meta+Shift+Z" on macOS). */
export function ariaKeyShortcut(shortcut: string, platform: ShortcutPlatform): string {
  const { mod, shift, alt, key } = parseShortcut(shortcut);
  const keyText = key.length === 1 ? key.toUpperCase() : key;
  return [mod ? (platform === 'mac' ? 'Meta' : 'Control') : null, alt ? 'Alt' : null, shift ? 'Shift' : null, keyText].filter(Boolean).join('+');
}

const ACCELERATOR_KEYS: Readonly<Record<string, string>> = {
  Escape: 'Esc', ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right',
};

/** Electron's accelerator for the shortcut ("CmdOrCtrl+Shift+Z"). */
export function toAccelerator(shortcut: string): string {
  const { mod, shift, alt, key } = parseShortcut(shortcut);
  const keyText = key.length === 1 ? key.toUpperCase() : (ACCELERATOR_KEYS[key] ?? key);
  return [mod ? 'CmdOrCtrl' : null, alt ? 'Alt' : null, shift ? 'Shift' : null, keyText].filter(Boolean).join('+');
}

/** Whether a navigator platform string ("MacIntel", "macOS", "iPhone", "Linux x86_64") is Apple's. */
export function isApplePlatform(platform: string): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform);
}
