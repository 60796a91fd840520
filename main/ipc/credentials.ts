/** credentials:* — a team server's password, sealed by safeStorage in main (main/credentials/). */
import { ok } from '@shared/util/result';

import type { PasswordStore } from '../credentials/password-store';
import type { Handle } from './handle';

export type CredentialDeps = { passwords: PasswordStore };

export function registerCredentialHandlers(handle: Handle, deps: CredentialDeps): void {
  handle('credentials:save', async ({ key, password }) => {
    const saved = await deps.passwords.save(key, password);
    return saved.ok ? ok(undefined) : { ok: false, error: { code: 'io', message: `The password was not saved: ${saved.error}.` } };
  });
  handle('credentials:read', async ({ key }) => ok(await deps.passwords.read(key)));
  handle('credentials:delete', async ({ key }) => {
    await deps.passwords.remove(key);
    return ok(undefined);
  });
}
