/**
 * The codebook of a REFI-QDA project archive (.qdpx): the single `.qde` at the archive's root
 * (`project.qde`, or another name as ATLAS.ti 26 writes), its `<CodeBook>` read like a .qdc.
 * Sources are never inflated. The archive is checked as a whole first (safe-zip.ts).
 */
import { decodeText } from '../../import/decode-text';
import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import type { ImportedCodebook } from './imported-codebook';
import { openQdpxArchive, type QdpxReadOptions } from './open-qdpx-archive';
import { parseXmlDocument } from './parse-xml';
import { sliceQdeCodeBook } from './qde-codebook-slice';
import { readCodebookElement } from './read-codebook-element';
import { namespaceWarning } from './refi-namespace';
import { lineAt, rejectDtd, rejectTooManyCodes } from './xml-guard';
import { refiUnknownFields } from './unknown-fields';

export async function readQdpxCodebook(bytes: Uint8Array, fileName: string, limits: QdpxReadOptions = {}): Promise<Result<ImportedCodebook, Problem[]>> {
  const archive = await openQdpxArchive(bytes, fileName, limits);
  if (!archive.ok) return err([archive.error]);
  const { zip, qde, qdeFile, limits: all } = archive.value;
  const qdeBytes = await zip.read(qde, all.maxQdeBytes);
  if (!qdeBytes.ok) return err([qdeBytes.error]);
  const text = decodeText(qdeBytes.value, qdeFile);
  if (!text.ok) return err([text.error]);
  return readQdeCodebook(text.value, qdeFile, all.maxDepth);
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
  const tooMany = rejectTooManyCodes(codeBook.text, file);
  if (tooMany) return err([{ ...tooMany, line: tooMany.line! + lineOffset }]);
  const element = parseXmlDocument(codeBook.text, file, { maxDepth, lineOffset });
  if (!element.ok) return err([element.error]);
  const read = readCodebookElement(element.value, { file, pathPrefix: 'CodeBook/' });
  if (!read.ok) return read;
  return ok({ codes: read.value.codes, warnings: [...warnings, ...read.value.warnings], origin, unknownFields: refiUnknownFields(read.value.codes, origin) });
}
