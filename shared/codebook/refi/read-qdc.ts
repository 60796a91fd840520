/**
 * A REFI-QDA codebook file (.qdc) → codes. Hostile input is refused before parsing (size, DTDs),
 * then parsed with limits (parse-xml.ts) and read leniently (read-codebook-element.ts).
 */
import { decodeText } from '../../import/decode-text';
import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import { DEFAULT_QDC_LIMITS, type ImportedCodebook, type XmlLimits } from './imported-codebook';
import { parseXmlDocument } from './parse-xml';
import { readCodebookElement } from './read-codebook-element';
import { namespaceWarning } from './refi-namespace';
import { checkXmlSize, rejectDtd, rejectTooManyCodes } from './xml-guard';
import { refiUnknownFields } from './unknown-fields';

export function readQdc(input: Uint8Array | string, fileName: string, limits: Partial<XmlLimits> = {}): Result<ImportedCodebook, Problem[]> {
  const { maxBytes, maxDepth } = { ...DEFAULT_QDC_LIMITS, ...limits };
  const tooBig = checkXmlSize(typeof input === 'string' ? input.length : input.byteLength, maxBytes, fileName);
  if (tooBig) return err([tooBig]);
  const text = typeof input === 'string' ? ok(input.replace(/^\uFEFF/, '')) : decodeText(input, fileName);
  if (!text.ok) return err([text.error]);
  const dtd = rejectDtd(text.value, fileName) ?? rejectTooManyCodes(text.value, fileName);
  if (dtd) return err([dtd]);

  const root = parseXmlDocument(text.value, fileName, { maxDepth });
  if (!root.ok) return err([root.error]);
  if (root.value.name !== 'CodeBook') {
    const hint = root.value.name === 'Project' ? ' It looks like a REFI-QDA project: open the .qdpx file instead.' : '';
    return err([{ file: fileName, line: root.value.line ?? undefined, record: root.value.name, message: `the root element is <${root.value.name}>, not <CodeBook>, so this is not a REFI-QDA codebook.${hint}` }]);
  }
  const read = readCodebookElement(root.value, { file: fileName, pathPrefix: '' });
  if (!read.ok) return read;
  const namespace = namespaceWarning(root.value, fileName);
  const origin = root.value.attributes.get('origin') ?? null;
  return ok({
    codes: read.value.codes,
    warnings: namespace ? [namespace, ...read.value.warnings] : read.value.warnings,
    origin,
    unknownFields: refiUnknownFields(read.value.codes, origin),
  });
}
