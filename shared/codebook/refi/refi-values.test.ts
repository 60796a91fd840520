import { describe, expect, it } from 'vitest';

import { mulberry32 } from '../../agreement/seeded-random';
import { normalizeGuid } from './refi-values';

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('normalizeGuid', () => {
  it.each([
    ['a canonical GUID, as is', '0b9e5f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', '0b9e5f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b'],
    ['upper case (ATLAS.ti, Taguette)', '0B9E5F3A-1C2D-4E5F-8A9B-0C1D2E3F4A5B', '0b9e5f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b'],
    ['braced (the spec)', '{0b9e5f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b}', '0b9e5f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b'],
    ['32 digits without hyphens', '0b9e5f3a1c2d4e5f8a9b0c1d2e3f4a5b', '0b9e5f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b'],
    ['surrounding space', ' 0b9e5f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b ', '0b9e5f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b'],
    ['one brace only', '{0b9e5f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', null],
    ['a hyphen out of place', '0b9e5f3a1-c2d-4e5f-8a9b-0c1d2e3f4a5b', null],
    ['a letter past f', '0b9e5f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5g', null],
    ['too short', '0b9e5f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5', null],
    ['empty', '', null],
  ])('%s', (_, value, expected) => {
    expect(normalizeGuid(value)).toBe(expected);
  });

  it('takes a string as it is exactly when the canonical pattern matches it (random near-GUIDs)', () => {
    const random = mulberry32(7);
    const alphabet = '0123456789abcdefABCDEF-g{} ';
    for (let n = 0; n < 5_000; n++) {
      const chars = [...'0b9e5f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b'];
      // One to three characters changed, or the length changed by one.
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) chars[Math.floor(random() * chars.length)] = alphabet[Math.floor(random() * alphabet.length)]!;
      const value = random() < 0.1 ? chars.join('').slice(1) : chars.join('');
      const result = normalizeGuid(value);
      if (CANONICAL.test(value)) expect(result).toBe(value);
      else expect(result === null || result !== value).toBe(true);
    }
  });
});
