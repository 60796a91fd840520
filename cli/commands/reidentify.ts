/**
 * `threadmark reidentify <key.enc> [--passphrase-file F] [--in <export> -o <file>]`: opens the alias
 * key `threadmark export --key-out` sealed and lists alias → person as CSV, or writes a copy of a
 * pseudonymised text export (CSV, JSON, JSONL) with each alias replaced by the person's name.
 */
import { openAliasKey, type AliasKey } from '@shared/privacy/alias-key';
import { toCsv } from '@shared/util/csv';

import { parseArgs } from '../args';
import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { usageError } from '../usage-error';

export async function reidentifyCommand(args: readonly string[], io: CliIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'passphrase-file', takesValue: true },
    { name: 'in', takesValue: true },
    { name: 'output', short: 'o', takesValue: true },
  ]);
  if (!parsed.ok) return usageError('reidentify', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [keyPath, ...extra] = positionals;
  if (keyPath === undefined) return usageError('reidentify', 'missing <key.enc>', io);
  if (extra.length > 0) return usageError('reidentify', `unexpected argument ${extra[0]}`, io);
  const input = options.get('in');
  const output = options.get('output');
  if (typeof input === 'string' && typeof output !== 'string') return usageError('reidentify', '--in needs -o <file> (use -o - for stdout)', io);
  const passphraseFile = options.get('passphrase-file');

  let text: string;
  let passphrase: string | undefined = env.THREADMARK_KEY_PASSPHRASE;
  let reading = keyPath;
  try {
    text = await io.readFile(keyPath);
    if (typeof passphraseFile === 'string') {
      reading = passphraseFile;
      passphrase = (await io.readFile(passphraseFile)).replace(/\r?\n$/, '');
    }
  } catch (e) {
    io.stderr(`threadmark: cannot read ${reading}: ${describeFileError(e)}\n`);
    return EXIT_FAILED;
  }
  if (passphrase === undefined) return usageError('reidentify', 'missing the passphrase: --passphrase-file <file> or THREADMARK_KEY_PASSPHRASE', io);
  const opened = await openAliasKey(text, passphrase);
  if (!opened.ok) {
    io.stderr(`${keyPath}: ${opened.error.message}\n`);
    return EXIT_FAILED;
  }
  const key = opened.value;
  let result: string;
  let said: string;
  if (typeof input === 'string') {
    let exported: string;
    try {
      exported = await io.readFile(input);
    } catch (e) {
      io.stderr(`threadmark: cannot read ${input}: ${describeFileError(e)}\n`);
      return EXIT_FAILED;
    }
    const replaced = reidentifyText(exported, key);
    result = replaced.text;
    said = `replaced ${replaced.count} ${replaced.count === 1 ? 'alias' : 'aliases'}`;
  } else {
    result = toCsv([['alias', 'identity', 'names'], ...key.entries.map((e) => [e.alias, e.identity, e.names.join(' | ')])]);
    said = `listed ${key.entries.length} ${key.entries.length === 1 ? 'alias' : 'aliases'}`;
  }
  if (typeof output !== 'string' || output === '-') {
    io.stdout(result);
    return EXIT_OK;
  }
  try {
    await io.writeFile(output, result);
  } catch (e) {
    io.stderr(`threadmark: cannot write ${output}: ${describeFileError(e)}\n`);
    return EXIT_FAILED;
  }
  io.stdout(`${said} of ${key.projectName} to ${output}\n`);
  return EXIT_OK;
}

/** Each alias of the key in `text` → the first name the key holds for it (the author field as stored). */
export function reidentifyText(text: string, key: AliasKey): { text: string; count: number } {
  const names = new Map(key.entries.map((e) => [e.alias, e.names[0] ?? e.identity]));
  let count = 0;
  const replaced = text.replace(/Author \d{4,}(?!\d)/g, (alias) => {
    const name = names.get(alias);
    if (name === undefined) return alias;
    count++;
    return name;
  });
  return { text: replaced, count };
}
