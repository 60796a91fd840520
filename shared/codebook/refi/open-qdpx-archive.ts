import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import type { InflateRaw } from '../../zip/zip-entry-data';
import { DEFAULT_QDPX_LIMITS, type QdpxLimits } from './imported-codebook';
import { openZip, type SafeZip, type ZipEntryInfo } from './safe-zip';
import { checkXmlSize } from './xml-guard';

/** Limits over the defaults, and how entries are inflated (DecompressionStream unless given; the CLI gives zlib's). */
export type QdpxReadOptions = Partial<QdpxLimits> & { inflate?: InflateRaw };

export interface QdpxArchive {
  zip: SafeZip;
  /** The project file's entry, and how problems in it name it: `study.qdpx (project.qde)`. */
  qde: ZipEntryInfo;
  qdeFile: string;
  limits: QdpxLimits;
}

/**
 * The guards every .qdpx reader passes first: the archive's size, the archive as a whole
 * (safe-zip.ts: entry names, counts, sizes, CRC), and its one `.qde` at the root (findProjectEntry).
 */
export async function openQdpxArchive(bytes: Uint8Array, fileName: string, options: QdpxReadOptions): Promise<Result<QdpxArchive, Problem>> {
  const { inflate, ...limits } = options;
  const all = { ...DEFAULT_QDPX_LIMITS, ...limits };
  const tooBig = checkXmlSize(bytes.byteLength, all.maxArchiveBytes, fileName, 'the archive');
  if (tooBig) return err(tooBig);
  const zip = await openZip(bytes, fileName, all.maxEntries, inflate);
  if (!zip.ok) return zip;
  const qde = findProjectEntry(zip.value.entries, fileName);
  if (!qde.ok) return qde;
  return ok({ zip: zip.value, qde: qde.value, qdeFile: `${fileName} (${qde.value.name})`, limits: all });
}

/** The one `.qde` at the root, matched without regard to case. */
export function findProjectEntry(entries: readonly ZipEntryInfo[], file: string): Result<ZipEntryInfo, Problem> {
  const isQde = (entry: ZipEntryInfo): boolean => !entry.directory && entry.name.toLowerCase().endsWith('.qde');
  const atRoot = entries.filter((entry) => isQde(entry) && !entry.name.includes('/'));
  if (atRoot.length === 1) return ok(atRoot[0]!);
  if (atRoot.length > 1) {
    return err({ file, message: `the archive holds ${atRoot.length} project files (${atRoot.map((e) => e.name).join(', ')}); a .qdpx holds exactly one` });
  }
  const nested = entries.filter(isQde).map((e) => e.name);
  const hint = nested.length > 0 ? ` (found ${nested.join(', ')} inside a folder: the project file belongs at the root)` : '';
  return err({ file, message: `the archive holds no project.qde at its root, so it is not a REFI-QDA project${hint}` });
}
