/**
 * The lead's alias key: which person each alias stands for, sealed with a passphrase so it can sit
 * beside the exports without re-identifying anyone who does not know it. AES-256-GCM under a key
 * derived by PBKDF2-SHA-256 (WebCrypto, in the browser, Workers and Node alike); GCM's tag makes a
 * wrong passphrase or a changed file fail whole instead of yielding garbage. docs/formats.md,
 * "Alias key".
 */
import type { Problem } from '../problem/problem';
import { err, ok, type Result } from '../util/result';
import type { AliasKeyEntry } from './pseudonymise-bundle';
import { fromHex, toHex } from './sha256';

export const ALIAS_KEY_FORMAT = 'threadmark-alias-key';
/** OWASP's 2023 advice for PBKDF2-HMAC-SHA256. */
export const DEFAULT_ITERATIONS = 600_000;
export const MIN_PASSPHRASE = 8;

export interface AliasKey {
  projectId: string;
  projectName: string;
  createdAt: string;
  entries: AliasKeyEntry[];
}

interface SealedFile {
  format: typeof ALIAS_KEY_FORMAT;
  version: 1;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  /** hex of the ciphertext and its tag */
  data: string;
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<unknown> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** `random(n)`: n random bytes (crypto.getRandomValues in the app and CLI), passed in so shared/ stays deterministic. */
export async function sealAliasKey(key: AliasKey, passphrase: string, random: (n: number) => Uint8Array, iterations = DEFAULT_ITERATIONS): Promise<Result<string, Problem>> {
  if ([...passphrase].length < MIN_PASSPHRASE) return err({ record: 'alias key', field: 'passphrase', message: `a passphrase has at least ${MIN_PASSPHRASE} characters` });
  const salt = new Uint8Array(random(16));
  const iv = new Uint8Array(random(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await deriveKey(passphrase, salt, iterations), new TextEncoder().encode(JSON.stringify(key)));
  const file: SealedFile = {
    format: ALIAS_KEY_FORMAT,
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toHex(salt) },
    cipher: { name: 'AES-GCM', iv: toHex(iv) },
    data: toHex(new Uint8Array(sealed)),
  };
  return ok(`${JSON.stringify(file, null, 2)}\n`);
}

const problem = (message: string): Problem => ({ record: 'alias key', message });

export async function openAliasKey(text: string, passphrase: string): Promise<Result<AliasKey, Problem>> {
  let file: Partial<SealedFile>;
  try {
    file = JSON.parse(text) as Partial<SealedFile>;
  } catch {
    return err(problem('not an alias key file (it is not JSON)'));
  }
  if (file?.format !== ALIAS_KEY_FORMAT || file.version !== 1) return err(problem(`not an alias key file (format "${ALIAS_KEY_FORMAT}", version 1 expected)`));
  const salt = fromHex(file.kdf?.salt ?? '');
  const iv = fromHex(file.cipher?.iv ?? '');
  const data = fromHex(file.data ?? '');
  const iterations = file.kdf?.iterations;
  if (!salt || !iv || !data || typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000) return err(problem('the key file is damaged (salt, iv, data or iterations)'));
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(iv) }, await deriveKey(passphrase, new Uint8Array(salt), iterations), new Uint8Array(data));
  } catch {
    return err({ record: 'alias key', field: 'passphrase', message: 'the passphrase does not open this key (or the file was changed)' });
  }
  try {
    return ok(JSON.parse(new TextDecoder().decode(plain)) as AliasKey);
  } catch {
    return err(problem('the key opened but holds no alias list'));
  }
}
