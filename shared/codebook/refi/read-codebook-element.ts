/**
 * A parsed `<CodeBook>` (from a .qdc, or inside a .qdpx's project.qde) → Threadmark codes. Every
 * problem names its element path (`Codes/Code[3]/Code[1]`, 1-based) and attribute; codes read in
 * document order, parents first, `order` numbering siblings. Leniency follows docs/refi-qda.md,
 * "What other tools write": braced or upper-case GUIDs, `#RGB` colours, a missing `isCodable`, no
 * colour at all.
 */
import * as z from 'zod';

import { ProblemList } from '../../import/import-problem';
import { codeCountProblem, codeDepthProblem } from '../code-limits';
import type { Problem } from '../../problem/problem';
import { EMPTY_CODE_FIELDS, type Code } from '../../model/records';
import { err, ok, type Result } from '../../util/result';
import { readShortcut } from '../codebook-csv-columns';
import { parseDescription } from './description-layout';
import type { ImportedCodebook } from './imported-codebook';
import { defaultCodeColor, normalizeColor, normalizeGuid, parseXsdBoolean } from './refi-values';
import { childrenNamed, type XmlElement } from './xml-element';

export interface CodebookSource {
  /** The file problems name (`codebook.qdc`, `project.qdpx (project.qde)`). */
  file: string;
  /** Put before every element path: '' in a .qdc, 'CodeBook/' inside a .qde. */
  pathPrefix: string;
}

// Required attributes of a Code (Codebook.xsd CodeType); values are checked after the shape.
const codeAttributesSchema = z.object({
  guid: z.string({ error: 'is missing: every code needs a GUID' }),
  name: z.string({ error: 'is missing: every code needs a name' }).min(1, { error: 'is empty: every code needs a name' }),
  isCodable: z.string().optional(),
  color: z.string().optional(),
});

const KNOWN_CODE_CHILDREN = new Set(['Code', 'Description', 'NoteRef']);

export function readCodebookElement(codeBook: XmlElement, source: CodebookSource): Result<Omit<ImportedCodebook, 'origin' | 'unknownFields'>, Problem[]> {
  const reader = new CodeReader(source);
  const codesElements = childrenNamed(codeBook, 'Codes');
  if (codesElements.length === 0) reader.warn(`${source.pathPrefix}Codes`, undefined, 'the codebook has no <Codes> element, so it holds no codes');
  let topLevelCodes = 0;
  codesElements.forEach((codes, i) => {
    const path = `${source.pathPrefix}Codes${codesElements.length > 1 ? `[${i + 1}]` : ''}`;
    for (const other of codes.children) if (other.name !== 'Code') reader.noteUnknown(other.name);
    const topLevel = childrenNamed(codes, 'Code');
    // A second <Codes> (invalid, but readable) continues the top-level order of the first.
    reader.readSiblings(topLevel, path, topLevelCodes);
    topLevelCodes += topLevel.length;
  });
  reader.summarize(codeBook);
  if (reader.problems.count > 0) return err(reader.problems.list());
  const tooBig = codeCountProblem(reader.codes.length, { file: source.file, record: `${source.pathPrefix}Codes` }) ?? codeDepthProblem(reader.codes, (code) => ({ file: source.file, record: reader.pathOf(code.id), line: reader.lineOf(code.id) }));
  if (tooBig) return err([tooBig]);
  return ok({ codes: reader.codes, warnings: reader.warnings });
}

class CodeReader {
  readonly codes: Code[] = [];
  readonly problems: ProblemList;
  // Capped like problems: a hostile file with a million odd colours must not give a million lines.
  private readonly warningList: ProblemList;
  private readonly pathOfGuid = new Map<string, string>();
  private readonly lineOfGuid = new Map<string, number>();
  private readonly shortcutOwner = new Map<string, string>();
  private readonly unknownElements = new Set<string>();
  private noteRefs = 0;

  constructor(private readonly source: CodebookSource) {
    this.problems = new ProblemList(source.file);
    this.warningList = new ProblemList(source.file);
  }

  get warnings(): Problem[] {
    return this.warningList.list();
  }

  /** Depth-first in document order, with an explicit stack so no nesting can overflow the call stack. */
  readSiblings(topLevel: readonly XmlElement[], codesPath: string, firstOrder: number): void {
    type Pending = { element: XmlElement; path: string; parentId: string | null; order: number };
    const siblings = (list: readonly XmlElement[], path: string, parent: string | null, orderFrom = 0): Pending[] =>
      list.map((element, i) => ({ element, path: `${path}/Code[${i + 1}]`, parentId: parent, order: orderFrom + i })).reverse();
    const stack = siblings(topLevel, codesPath, null, firstOrder);
    while (stack.length > 0) {
      const { element, path, parentId: parent, order } = stack.pop()!;
      const code = this.readCode(element, path, parent, order);
      // A code whose GUID failed cannot parent anything; its children are still checked.
      for (const child of siblings(childrenNamed(element, 'Code'), path, code?.id ?? null)) stack.push(child);
    }
  }

  private readCode(element: XmlElement, path: string, parentId: string | null, order: number): Code | null {
    const line = element.line ?? undefined;
    const parsed = codeAttributesSchema.safeParse({
      guid: element.attributes.get('guid'),
      name: element.attributes.get('name'),
      isCodable: element.attributes.get('isCodable'),
      color: element.attributes.get('color'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.problem(path, String(issue.path[0] ?? ''), issue.message, line);
      return null;
    }
    const attributes = parsed.data;
    const id = normalizeGuid(attributes.guid);
    if (id === null) {
      this.problem(path, 'guid', `"${attributes.guid}" is not a GUID`, line);
      return null;
    }
    const firstPath = this.pathOfGuid.get(id);
    if (firstPath !== undefined) {
      this.problem(path, 'guid', `GUID ${id} is used twice: by ${firstPath} and by ${path}`, line);
      return null;
    }
    this.pathOfGuid.set(id, path);
    if (line !== undefined) this.lineOfGuid.set(id, line);

    const code: Code = {
      id,
      name: attributes.name,
      parentId,
      color: this.colorOf(attributes.color, path, line),
      order,
      ...EMPTY_CODE_FIELDS,
      ...parseDescription(this.descriptionOf(element, path, line)),
      exemplarCodingIds: [],
      codable: this.codableOf(attributes.isCodable, path, line),
    };
    this.keepShortcutUnique(code, path, line);
    for (const child of element.children) {
      if (child.name === 'NoteRef') this.noteRefs++;
      else if (!KNOWN_CODE_CHILDREN.has(child.name)) this.noteUnknown(child.name);
    }
    this.codes.push(code);
    return code;
  }

  private colorOf(raw: string | undefined, path: string, line: number | undefined): string {
    const fallback = defaultCodeColor(this.codes.length);
    if (raw === undefined) return fallback;
    const reading = normalizeColor(raw);
    if (reading === null) {
      this.warn(path, 'color', `"${raw}" is not a colour; the code gets ${fallback}`, line);
      return fallback;
    }
    if (reading.note !== null) this.warn(path, 'color', `${reading.note}; the code gets ${reading.color}`, line);
    return reading.color;
  }

  private codableOf(raw: string | undefined, path: string, line: number | undefined): boolean {
    if (raw === undefined) return true;
    const value = parseXsdBoolean(raw);
    if (value === null) this.warn(path, 'isCodable', `"${raw}" is not true or false; the code is read as codable`, line);
    return value ?? true;
  }

  /** The first Description's text, exactly as written (a round trip must not lose even white space). */
  private descriptionOf(element: XmlElement, path: string, line: number | undefined): string {
    const descriptions = childrenNamed(element, 'Description');
    if (descriptions.length > 1) this.warn(`${path}/Description`, undefined, `the code has ${descriptions.length} descriptions; only the first is read`, line);
    return descriptions[0]?.text ?? '';
  }

  /** Bundles refuse two codes with one shortcut, so a repeated key is dropped here, with a warning. */
  private keepShortcutUnique(code: Code, path: string, line: number | undefined): void {
    if (code.shortcut === null) return;
    // Another tool's "Shortcut: A" is the key a; a key Threadmark cannot bind is dropped with a
    // warning, never passed on to fail as an invalid bundle when the import is written.
    const key = readShortcut(code.shortcut);
    if (!key.ok) this.warn(`${path}/Description`, 'Shortcut', `${key.error}; the code gets no shortcut`, line);
    code.shortcut = key.ok ? key.value : null;
    if (code.shortcut === null) return;
    const owner = this.shortcutOwner.get(code.shortcut);
    if (owner === undefined) {
      this.shortcutOwner.set(code.shortcut, path);
      return;
    }
    this.warn(`${path}/Description`, 'Shortcut', `key "${code.shortcut}" is already the shortcut of ${owner}; this code gets none`, line);
    code.shortcut = null;
  }

  pathOf(id: string): string | undefined {
    return this.pathOfGuid.get(id);
  }

  lineOf(id: string): number | undefined {
    return this.lineOfGuid.get(id);
  }

  noteUnknown(name: string): void {
    this.unknownElements.add(name);
  }

  /** One warning per kind of content not imported (docs/refi-qda.md, "Telling the user what is lost"). */
  summarize(codeBook: XmlElement): void {
    const { pathPrefix } = this.source;
    if (this.noteRefs > 0) this.warn(`${pathPrefix}Codes`, 'NoteRef', `${counted(this.noteRefs, 'link', 'links')} from codes to project notes (memos) not imported`);
    const sets = childrenNamed(codeBook, 'Sets').flatMap((sets) => childrenNamed(sets, 'Set'));
    if (sets.length > 0) this.warn(`${pathPrefix}Sets`, undefined, `${counted(sets.length, 'code set', 'code sets')} not imported: Threadmark has no code sets`);
    for (const other of codeBook.children) if (other.name !== 'Codes' && other.name !== 'Sets') this.noteUnknown(other.name);
    if (this.unknownElements.size > 0) {
      const names = [...this.unknownElements].sort().map((name) => `<${name}>`);
      this.warn(`${pathPrefix}Codes`, undefined, `elements REFI-QDA codebooks do not define were skipped: ${names.join(', ')}`);
    }
  }

  warn(record: string, field: string | undefined, message: string, line?: number): void {
    this.warningList.add({ file: this.source.file, record, ...(field !== undefined ? { field } : {}), ...(line !== undefined ? { line } : {}), message });
  }

  private problem(record: string, field: string, message: string, line: number | undefined): void {
    this.problems.add({ file: this.source.file, record, field, ...(line !== undefined ? { line } : {}), message });
  }
}

function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
