import { describe, expect, it } from 'vitest';

import { derivedId } from './derived-id';

describe('derivedId', () => {
  it('is the same for the same parts and a UUID (version 8) in form', () => {
    const id = derivedId('project-1', 'round-1', 'coder-ben');
    expect(id).toBe(derivedId('project-1', 'round-1', 'coder-ben'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('differs when any part differs, or parts are split differently', () => {
    const ids = [
      derivedId('project-1', 'round-1', 'coder-ben'),
      derivedId('project-1', 'round-1', 'coder-cy'),
      derivedId('project-1', 'round-2', 'coder-ben'),
      derivedId('project-2', 'round-1', 'coder-ben'),
      derivedId('project-1', 'round-1coder-ben'),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});
