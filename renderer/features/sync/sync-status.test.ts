import { describe, expect, it } from 'vitest';

import { errorInWords, overallStatus, statusText } from './sync-status';

describe('overallStatus', () => {
  it('puts an error before offline, offline before work, and is synced only when every database is idle with nothing pending', () => {
    const error = { kind: 'error', message: 'Server refused: you are not a member of this project' } as const;
    expect(overallStatus([{ kind: 'idle' }, { kind: 'offline' }, error], 3)).toEqual(error);
    expect(overallStatus([{ kind: 'idle' }, { kind: 'offline' }], 3)).toEqual({ kind: 'offline' });
    expect(overallStatus([{ kind: 'idle' }, { kind: 'connecting' }], 0)).toEqual({ kind: 'connecting' });
    expect(overallStatus([{ kind: 'idle' }, { kind: 'active' }], 0)).toEqual({ kind: 'syncing', changes: 0 });
    expect(overallStatus([{ kind: 'idle' }, { kind: 'idle' }], 4)).toEqual({ kind: 'syncing', changes: 4 });
    expect(overallStatus([{ kind: 'idle' }, { kind: 'idle' }], 0)).toEqual({ kind: 'synced' });
  });

  it('says each state in words', () => {
    expect(statusText({ kind: 'syncing', changes: 1 })).toBe('Syncing 1 change…');
    expect(statusText({ kind: 'syncing', changes: 12 })).toBe('Syncing 12 changes…');
    expect(statusText({ kind: 'synced' })).toBe('Synced with the team server');
    expect(statusText({ kind: 'offline' })).toMatch(/^Offline/);
  });
});

describe('errorInWords', () => {
  it('reads refusals, a missing project and a lost connection', () => {
    expect(errorInWords({ status: 401, name: 'unauthorized', message: 'Name or password is incorrect.' })).toEqual({ offline: false, message: 'Server refused: you are not a member of this project' });
    expect(errorInWords({ status: 403, error: 'forbidden', reason: 'only leads may change the codebook' })).toEqual({ offline: false, message: 'Server refused a change: only leads may change the codebook' });
    expect(errorInWords({ status: 404, name: 'not_found' })).toMatchObject({ offline: false, message: expect.stringMatching(/does not exist on the server/) });
    expect(errorInWords(new TypeError('Failed to fetch'))).toEqual({ offline: true });
    expect(errorInWords({ status: 503 })).toEqual({ offline: true });
  });
});
