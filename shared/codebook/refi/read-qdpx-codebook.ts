/**
 * The codebook of a REFI-QDA project archive (.qdpx): the single `.qde` at the archive's root
 * (`project.qde`, or another name as ATLAS.ti 26 writes), its `<CodeBook>` read like a .qdc.
 * Sources are never inflated. The archive is checked as a whole first (safe-zip.ts).
 */
import { decodeText } from '../../import/decode-text';
import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import { DEFAULT_QDPX_LIMITS, type ImportedCodebook, type QdpxLimits } from './imported-codebook';
import { parseXmlDocument } from './parse-xml';
import { sliceQdeCodeBook } from './qde-codebook-slice';
import { readCodebookElement } from './read-codebook-element';
import { namespaceWarning } from './refi-namespace';
import { openZip, type ZipEntryInfo } from './safe-zip';
import { checkXmlSize, lineAt, rejectDtd } from './xml-guard';
import { refiUnknownFields } from './unknown-fields';

export async function readQdpxCodebook(bytes: Uint8Array, fileName: string, limits: Partial<QdpxLimits> = {}): Promise<Result<ImportedCodebook, Problem[]>> {
  const { maxArchiveBytes, maxEntries, maxQdeBytes, maxDepth } = { ...DEFAULT_QDPX_LIMITS, ...limits };
  const tooBig = checkXmlSize(bytes.byteLength, maxArchiveBytes, fileName, 'the archive');
  if (tooBig) return err([tooBig]);
  const zip = await openZip(bytes, fileName, maxEntries);
  if (!zip.ok) return err([zip.error]);
  const qde = findProjectEntry(zip.value.entries, fileName);
  if (!qde.ok) return err([qde.error]);

  const qdeFile = `${fileName} (${qde.value.name})`;
  const qdeBytes = await zip.value.read(qde.value, maxQdeBytes);
  if (!qdeBytes.ok) return err([qdeBytes.error]);
  const text = decodeText(qdeBytes.value, qdeFile);
  if (!text.ok) return err([text.error]);
  return readQdeCodebook(text.value, qdeFile, maxDepth);
}

/** The one `.qde` at the root, matched without regard to case. */
function findProjectEntry(entries: readonly ZipEntryInfo[], file: string): Result<ZipEntryInfo, Problem> {
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

function readQdeCodebook(text: string, file: string, maxDepth: number): Result<ImportedCodebook, Problem[]> {
  const dtd = rejectDtd(text, file);
  if (dtd) return err([dtd]);
  const sliced = sliceQdeCodeBook(text);
  if (!sliced.ok) {
    const line = lineAt(text, sliced.offset);
    return err([{ file, line, message: `not well-formed XML at line ${line}: ${sliced.message}` }]);
  }
  const { rootTag, rootName, codeBook } = sliced.value;
  const root = parseXmlDocument(rootTag, file, { maxDepth });
  if (!root.ok) return err([root.error]);
  if (root.value.name !== 'Project') {
    return err([{ file, line: 1, record: rootName, message: `the root element is <${rootName}>, not <Project>, so this is not a REFI-QDA project file` }]);
  }
  const origin = root.value.attributes.get('origin') ?? null;
  const namespace = namespaceWarning(root.value, file);
  const warnings = namespace ? [namespace] : [];
  if (codeBook === null) {
    warnings.push({ file, record: 'Project', message: 'the project has no codebook (no <CodeBook> element), so there are no codes to import' });
    return ok({ codes: [], warnings, origin, unknownFields: new Map() });
  }

  const lineOffset = lineAt(text, codeBook.start) - 1;
  const element = parseXmlDocument(codeBook.text, file, { maxDepth, lineOffset });
  if (!element.ok) return err([element.error]);
  const read = readCodebookElement(element.value, { file, pathPrefix: 'CodeBook/' });
  if (!read.ok) return read;
  return ok({ codes: read.value.codes, warnings: [...warnings, ...read.value.warnings], origin, unknownFields: refiUnknownFields(read.value.codes, origin) });
}
