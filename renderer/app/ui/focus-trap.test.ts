import { describe, expect, it } from 'vitest';

import { wrapTarget } from './focus-trap';

describe('wrapTarget', () => {
  const items = ['name', 'colour', 'cancel', 'save'];

  it('wraps Tab from the last element to the first, and Shift+Tab from the first to the last', () => {
    expect(wrapTarget(items, 'save', false)).toBe('name');
    expect(wrapTarget(items, 'name', true)).toBe('save');
  });

  it('leaves moves inside the dialog to the browser', () => {
    expect(wrapTarget(items, 'colour', false)).toBeNull();
    expect(wrapTarget(items, 'cancel', true)).toBeNull();
  });

  it('brings focus that is outside the dialog back into it', () => {
    expect(wrapTarget(items, 'something behind the backdrop', false)).toBe('name');
    expect(wrapTarget(items, null, true)).toBe('save');
  });

  it('does nothing in a dialog with nothing to focus', () => {
    expect(wrapTarget([], 'x', false)).toBeNull();
  });
});
