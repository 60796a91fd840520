import { ariaKeyShortcut, formatShortcut, isApplePlatform, type ShortcutPlatform } from '@shared/actions/shortcut';

import type { Action } from './types';

const platformName = (): string => {
  if (typeof navigator === 'undefined') return '';
  const hints = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return hints?.platform ?? navigator.platform;
};

/** Shortcuts are shown as macOS writes them (⇧⌘Z) on Apple systems, else as Ctrl+Shift+Z. */
export const shortcutPlatform: ShortcutPlatform = isApplePlatform(platformName()) ? 'mac' : 'other';

/** The action's shortcut as shown, or undefined. */
export const shortcutText = (action: Action): string | undefined =>
  action.shortcut === undefined ? undefined : formatShortcut(action.shortcut, shortcutPlatform);

/** aria-keyshortcuts: every chord that runs the action, space-separated. */
export const shortcutAria = (action: Action): string | undefined => {
  const chords = [action.shortcut, ...(action.moreShortcuts ?? [])].filter((chord) => chord !== undefined);
  return chords.length === 0 ? undefined : chords.map((chord) => ariaKeyShortcut(chord, shortcutPlatform)).join(' ');
};
