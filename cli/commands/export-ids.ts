/**
 * `threadmark export <bundle> --to ids -o <file>`: the ids-only file for publishing
 * (shared/export/ids-only.ts). Never pseudonymised: it holds no text and no author, and its
 * hashes must be of the texts as collected so a colleague can verify their re-collected posts.
 */
import { idsOnlyFile, serializeIdsOnly } from '@shared/export/ids-only';
import type { Clock } from '@shared/util/clock';

import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { loadBundle } from '../load-bundle';
import { writeExportText } from '../terminal-io';

export async function writeIdsExport(path: string, output: string, io: CliIo, clock: Clock): Promise<number> {
  const loaded = await loadBundle(path, io);
  if (!loaded.ok) {
    io.stderr(loaded.error.lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  }
  const file = idsOnlyFile(loaded.value, clock.now());
  const text = serializeIdsOnly(file);
  const wrote = await writeExportText(io, output, text);
  if (wrote !== 'file') return wrote === 'stdout' ? EXIT_OK : EXIT_FAILED;
  const codings = file.posts.reduce((n, p) => n + p.codings.length, 0);
  io.stdout(`wrote ${file.posts.length} post ids and ${codings} codings (no text) to ${output}\n`);
  return EXIT_OK;
}
