/**
 * `threadmark export`'s pseudonymisation, on by default (docs/formats.md, "Pseudonymised exports"):
 * `--pseudonymize` says so explicitly, `--identified` (or `--no-pseudonymize`) writes real names,
 * `--key-out key.enc` also writes the alias key sealed with the passphrase of `--passphrase-file`
 * (or the THREADMARK_KEY_PASSPHRASE environment variable); `threadmark reidentify` opens it.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import type { Bundle } from '@shared/bundle/bundle';
import { sealAliasKey } from '@shared/privacy/alias-key';
import { secretFromIds } from '@shared/privacy/aliases';
import { reportLines } from '@shared/privacy/deidentification-report';
import { prepareExport, type ExportPrivacy } from '@shared/privacy/export-privacy';

import { describeFileError, EXIT_FAILED, type CliIo } from '../io';

export const PRIVACY_OPTIONS = [
  { name: 'pseudonymize', takesValue: false },
  { name: 'no-pseudonymize', takesValue: false },
  { name: 'identified', takesValue: false },
  { name: 'key-out', takesValue: true },
  { name: 'passphrase-file', takesValue: true },
] as const;

/** Formats that hold no post, author or text of the project: written as they are. */
const NOTHING_TO_PSEUDONYMIZE: readonly string[] = ['qdc', 'codebook-md', 'codebook-html', 'codebook-csv', 'ids'];

export interface PrivacyFlags {
  pseudonymize: boolean;
  keyOut?: string;
  passphraseFile?: string;
}

/** The flags' meaning, or a usage error's message. */
export function privacyFlags(options: ReadonlyMap<string, string | true>, to: string): PrivacyFlags | string {
  const on = options.has('pseudonymize');
  const off = options.has('no-pseudonymize') || options.has('identified');
  if (on && off) return '--pseudonymize and --identified contradict each other';
  if (off && to === 'shareable-bundle') return 'a shareable bundle is always pseudonymised (the project file itself is the identified bundle)';
  const keyOut = options.get('key-out');
  const passphraseFile = options.get('passphrase-file');
  const pseudonymize = !off && !NOTHING_TO_PSEUDONYMIZE.includes(to);
  if (typeof keyOut === 'string' && !pseudonymize) return off ? '--key-out needs a pseudonymised export (leave out --identified)' : `--key-out: ${to} holds no authors to pseudonymise`;
  if (passphraseFile !== undefined && typeof keyOut !== 'string') return '--passphrase-file goes with --key-out';
  return { pseudonymize, ...(typeof keyOut === 'string' ? { keyOut } : {}), ...(typeof passphraseFile === 'string' ? { passphraseFile } : {}) };
}

/**
 * The bundle to export: pseudonymised unless asked otherwise, with the report on stderr (stdout
 * may be the export itself) and the sealed key written first when asked. A number: the exit status.
 */
export async function applyPrivacy(bundle: Bundle, flags: PrivacyFlags, io: CliIo, env: Record<string, string | undefined> = process.env): Promise<Bundle | number> {
  if (!flags.pseudonymize) return bundle;
  const prepared = prepareExport(bundle, true, () => secretFromIds(randomUUID));
  if (flags.keyOut !== undefined) {
    let passphrase: string | undefined;
    if (flags.passphraseFile !== undefined) {
      try {
        passphrase = (await io.readFile(flags.passphraseFile)).replace(/\r?\n$/, '');
      } catch (e) {
        io.stderr(`threadmark: cannot read ${flags.passphraseFile}: ${describeFileError(e)}\nthreadmark: nothing written\n`);
        return EXIT_FAILED;
      }
    } else passphrase = env.THREADMARK_KEY_PASSPHRASE;
    if (passphrase === undefined) {
      io.stderr('threadmark: --key-out needs a passphrase: --passphrase-file <file> or THREADMARK_KEY_PASSPHRASE\nthreadmark: nothing written\n');
      return EXIT_FAILED;
    }
    const key = { projectId: bundle.project.id, projectName: bundle.project.name, createdAt: bundle.exportedAt, entries: prepared.key };
    const sealed = await sealAliasKey(key, passphrase, (n) => new Uint8Array(randomBytes(n)));
    if (!sealed.ok) {
      io.stderr(`threadmark: ${sealed.error.field ?? 'alias key'}: ${sealed.error.message}\nthreadmark: nothing written\n`);
      return EXIT_FAILED;
    }
    try {
      await io.writeFile(flags.keyOut, sealed.value);
    } catch (e) {
      io.stderr(`threadmark: cannot write ${flags.keyOut}: ${describeFileError(e)}\n`);
      return EXIT_FAILED;
    }
  }
  const note = prepared.oneOffSecret ? ['note: the bundle has no pseudonym secret (a shareable or older bundle): these aliases match no other export'] : [];
  io.stderr([...note, ...reportLines(prepared.report!).map((l) => `pseudonymised: ${l}`), ...(flags.keyOut ? [`alias key sealed to ${flags.keyOut}`] : [])].map((l) => `${l}\n`).join(''));
  return prepared.bundle;
}

/** What the printing commands (`segments`, `attributes`) take: pseudonymised unless --identified. */
export const PRINT_PRIVACY_OPTIONS = [
  { name: 'pseudonymize', takesValue: false },
  { name: 'no-pseudonymize', takesValue: false },
  { name: 'identified', takesValue: false },
] as const;

/** True (the default) to print aliases, false for real names, or a usage error's message. */
export function printsPseudonymised(options: ReadonlyMap<string, string | true>): boolean | string {
  const off = options.has('no-pseudonymize') || options.has('identified');
  if (off && options.has('pseudonymize')) return '--pseudonymize and --identified contradict each other';
  return !off;
}

/** The bundle as a printing command shows it: the same step `threadmark export` and the app take. */
export function preparePrinted(bundle: Bundle, io: CliIo): ExportPrivacy {
  const prepared = prepareExport(bundle, true, () => secretFromIds(randomUUID));
  if (prepared.oneOffSecret) io.stderr('note: the bundle has no pseudonym secret (a shareable or older bundle): these aliases match no other export\n');
  return prepared;
}
