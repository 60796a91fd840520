import { describe, expect, it } from 'vitest';

import { monthOf } from './table-input';

describe('monthOf', () => {
  it('the UTC month of a time, as the Segments month filter reads it', () => {
    expect(monthOf('2025-03-31T23:59:59.999Z')).toBe('2025-03');
    expect(monthOf('2025-01-01T00:00:00Z')).toBe('2025-01');
    // Not stored so, but read the same way as Date.parse reads it.
    expect(monthOf('2025-04-01T01:00:00+02:00')).toBe('2025-03');
    expect(monthOf(null)).toBeNull();
    expect(monthOf('someday')).toBeNull();
  });
});
