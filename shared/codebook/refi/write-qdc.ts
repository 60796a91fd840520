/**
 * Code[] → a REFI-QDA codebook (.qdc) that validates against Codebook.xsd (checked with xmllint in
 * write-qdc.test.ts). Codes nest by parentId in sibling order; the GUID is the code's own id, so a
 * code keeps its GUID across every export. Structured fields go into `Description`
 * (description-layout.ts). Exemplar codings point at posts a .qdc cannot carry: they are left out.
 * The output is deterministic: the same codes always give the same bytes.
 */
import { MAX_CODE_DEPTH } from '../code-limits';
import type { Code } from '../../model/records';
import { err, ok, type Result } from '../../util/result';
import { sortCodesAsTree } from '../code-path';
import { formatDescription } from './description-layout';
import { REFI_CODEBOOK_NAMESPACE } from './refi-namespace';
import { normalizeColor, normalizeGuid } from './refi-values';
import { escapeXmlAttribute, escapeXmlText } from './xml-text';

export interface WriteQdcOptions {
  /** The producing application, e.g. "Threadmark 0.1.0" (CodeBook@origin). */
  origin: string;
}

/**
 * The .qdc document, or messages naming each code that cannot be written: an empty codebook
 * (the schema needs at least one code), an id that is not a GUID, an id used twice. A parent that
 * is missing or part of a cycle makes the code a top-level one, as in the codebook panel.
 */
export function writeQdc(codes: readonly Code[], options: WriteQdcOptions): Result<string, string[]> {
  const problems = checkWritable(codes);
  if (problems.length > 0) return err(problems);

  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<CodeBook xmlns="${REFI_CODEBOOK_NAMESPACE}" origin="${escapeXmlAttribute(options.origin)}">`, '  <Codes>'];
  lines.push(...codeElementLines(codes, 2));
  lines.push('  </Codes>', '</CodeBook>', '');
  return ok(lines.join('\n'));
}

/**
 * The `<Code>` elements of a `<Codes>` element, top-level codes indented `baseDepth` levels: the same
 * in a .qdc and in a .qdpx's project CodeBook (shared/refi/write-project-qde.ts), where a code's
 * memos are `NoteRef`s (`noteRefs`: code id → note GUIDs).
 */
export function codeElementLines(codes: readonly Code[], baseDepth: number, noteRefs?: ReadonlyMap<string, readonly string[]>): string[] {
  const lines: string[] = [];
  // Codes with children stay open until the tree walk comes back up to their depth.
  let openCount = 0;
  const closeDownTo = (depth: number): void => {
    for (; openCount > depth; openCount--) lines.push(`${indent(openCount + baseDepth - 1)}</Code>`);
  };
  const tree = sortCodesAsTree(codes);
  for (const [i, { code, depth }] of tree.entries()) {
    closeDownTo(depth);
    const hasChildren = (tree[i + 1]?.depth ?? -1) > depth;
    const description = descriptionOf(code);
    const pad = indent(depth + baseDepth);
    const start = `${pad}<Code ${codeAttributes(code)}`;
    const notes = noteRefs?.get(code.id) ?? [];
    if (!hasChildren && description === '' && notes.length === 0) {
      lines.push(`${start}/>`);
      continue;
    }
    lines.push(`${start}>`);
    if (description !== '') lines.push(`${pad}  <Description>${escapeXmlText(description)}</Description>`);
    for (const note of notes) lines.push(`${pad}  <NoteRef targetGUID="${note}"/>`);
    if (hasChildren) openCount++;
    else lines.push(`${pad}</Code>`);
  }
  closeDownTo(0);
  return lines;
}

export function checkWritable(codes: readonly Code[]): string[] {
  if (codes.length === 0) return ['the codebook has no codes; a REFI-QDA codebook needs at least one'];
  const problems: string[] = [];
  const seen = new Map<string, Code>();
  for (const code of codes) {
    const guid = normalizeGuid(code.id);
    if (guid === null) {
      problems.push(`code "${code.name}": id "${code.id}" is not a GUID, which REFI-QDA requires`);
      continue;
    }
    const other = seen.get(guid);
    if (other) problems.push(`code "${code.name}": id ${guid} is also the id of code "${other.name}"`);
    else seen.set(guid, code);
  }
  return problems;
}

function codeAttributes(code: Code): string {
  const attributes = [`guid="${normalizeGuid(code.id)!}"`, `name="${escapeXmlAttribute(code.name)}"`, `isCodable="${code.codable}"`];
  // RGBType is #RRGGBB or #RGB; a colour the model should never hold is left out rather than made up.
  const color = normalizeColor(code.color);
  if (color !== null && color.note === null) attributes.push(`color="${color.color}"`);
  return attributes.join(' ');
}

function descriptionOf(code: Code): string {
  return formatDescription({
    definition: code.definition,
    inclusion: code.inclusion,
    exclusion: code.exclusion,
    examples: code.examples,
    shortcut: code.shortcut,
    retired: code.retired,
  });
}

// Indentation stops growing past the deepest tree a codebook may hold (code-limits.ts), so even a
// tree that never passed that check writes in time linear in its codes, not the square of its depth.
const MAX_INDENT = MAX_CODE_DEPTH + 8;

function indent(level: number): string {
  return '  '.repeat(Math.min(level, MAX_INDENT));
}
