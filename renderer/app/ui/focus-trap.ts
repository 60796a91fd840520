/**
 * Keeps Tab inside a modal dialog: from its last focusable element Tab wraps to the first, and
 * Shift+Tab from the first to the last, so keyboard users never land behind the backdrop.
 */

const FOCUSABLE = 'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The element Tab should move to, or null to let the browser move focus normally. */
export function wrapTarget<T>(focusables: readonly T[], active: T | null, backwards: boolean): T | null {
  const first = focusables[0];
  const last = focusables[focusables.length - 1];
  if (first === undefined || last === undefined) return null;
  const at = active === null ? -1 : focusables.indexOf(active);
  if (at === -1) return backwards ? last : first;
  if (backwards && at === 0) return last;
  if (!backwards && at === focusables.length - 1) return first;
  return null;
}

/** The dialog's elements a keyboard can reach, in document order. */
export function focusablesIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && el.closest('[inert]') === null,
  );
}
