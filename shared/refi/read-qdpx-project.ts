/**
 * A REFI-QDA project archive (.qdpx) → QdpxProject: users, codebook, notes and every text source
 * with its selections. The archive and the XML pass the same guards as the codebook import
 * (safe-zip.ts: entry names, counts, sizes, CRC; xml-guard.ts: size, no DTD; parse-xml.ts: depth).
 * Tolerant as docs/refi-qda.md says readers must be: any `.qde` name at the root, `sources/` in any
 * case, file names compared without case, GUIDs braced or not. PDF, picture, audio and video sources
 * are listed as skipped with the reason; text in a source that is not in the archive likewise.
 */
import { parseXmlDocument } from '../codebook/refi/parse-xml';
import { openQdpxArchive, type QdpxReadOptions } from '../codebook/refi/open-qdpx-archive';
import { readCodebookElement } from '../codebook/refi/read-codebook-element';
import { namespaceWarning } from '../codebook/refi/refi-namespace';
import { normalizeGuid } from '../codebook/refi/refi-values';
import type { SafeZip, ZipEntryInfo } from '../codebook/refi/safe-zip';
import { childrenNamed, type XmlElement } from '../codebook/refi/xml-element';
import { rejectDtd, rejectTooManyCodes } from '../codebook/refi/xml-guard';
import { decodeText, sniffBom } from '../import/decode-text';
import type { Problem } from '../problem/problem';
import { derivedId } from '../util/derived-id';
import { err, ok, type Result } from '../util/result';
import { LAYOUT_ENTRY, parseLayoutFile } from './qdpx-layout-file';
import { noteRefsOf, readQdpxExtras, variableValuesOf } from './read-qdpx-extras';
import type { QdpxCodingRef, QdpxProject, QdpxSelection, QdpxTextSource, SkippedSource } from './qdpx-project';

const MEDIA_SOURCES: Record<string, string> = {
  PDFSource: 'a PDF: Threadmark codes text posts only',
  PictureSource: 'an image: Threadmark codes text posts only',
  AudioSource: 'audio: Threadmark codes text posts only',
  VideoSource: 'video: Threadmark codes text posts only',
};

export async function readQdpxProject(bytes: Uint8Array, fileName: string, limits: QdpxReadOptions = {}): Promise<Result<QdpxProject, Problem[]>> {
  const archive = await openQdpxArchive(bytes, fileName, limits);
  if (!archive.ok) return err([archive.error]);
  const { qde, qdeFile, limits: { maxQdeBytes, maxDepth } } = archive.value;
  // Shaped as openZip's result was, so the reads below stay as they are (they are being reworked).
  const zip = { value: archive.value.zip };
  const qdeText = await readText(zip.value, qde, maxQdeBytes, qdeFile);
  if (!qdeText.ok) return err([qdeText.error]);
  const dtd = rejectDtd(qdeText.value.text, qdeFile) ?? rejectTooManyCodes(qdeText.value.text, qdeFile);
  if (dtd) return err([dtd]);
  const root = parseXmlDocument(qdeText.value.text, qdeFile, { maxDepth });
  if (!root.ok) return err([root.error]);
  if (root.value.name !== 'Project') return err([{ file: qdeFile, line: 1, message: `the root element is <${root.value.name}>, not <Project>, so this is not a REFI-QDA project file` }]);

  const project = root.value;
  const warnings: Problem[] = [];
  const namespace = namespaceWarning(project, qdeFile);
  if (namespace) warnings.push(namespace);
  const users = new Map<string, string>();
  for (const user of childrenNamed(project, 'Users').flatMap((u) => childrenNamed(u, 'User'))) {
    const guid = normalizeGuid(user.attributes.get('guid') ?? '');
    if (guid !== null) users.set(guid, (user.attributes.get('name') ?? user.attributes.get('id') ?? '').trim() || `user ${guid.slice(0, 8)}`);
  }
  const codeBook = childrenNamed(project, 'CodeBook')[0];
  let codes: QdpxProject['codes'] = [];
  if (codeBook) {
    const read = readCodebookElement(codeBook, { file: qdeFile, pathPrefix: 'CodeBook/' });
    if (!read.ok) return err(read.error);
    codes = read.value.codes;
    warnings.push(...read.value.warnings.filter((w) => w.field !== 'NoteRef'));
  }
  const notes = new Map<string, string>();
  for (const note of childrenNamed(project, 'Notes').flatMap((n) => childrenNamed(n, 'Note'))) {
    const guid = normalizeGuid(note.attributes.get('guid') ?? '');
    const text = childrenNamed(note, 'PlainTextContent')[0]?.text ?? null;
    if (guid !== null && text !== null) notes.set(guid, text);
  }

  const sources: QdpxTextSource[] = [];
  const skipped: SkippedSource[] = [];
  const problems: Problem[] = [];
  const sourceFiles = sourceEntries(zip.value.entries);
  for (const element of childrenNamed(project, 'Sources').flatMap((s) => s.children)) {
    const guid = normalizeGuid(element.attributes.get('guid') ?? '') ?? '';
    const name = element.attributes.get('name') ?? guid;
    const media = MEDIA_SOURCES[element.name];
    if (media !== undefined) {
      skipped.push({ guid, name, kind: element.name, reason: `${media}` });
      continue;
    }
    if (element.name !== 'TextSource') continue;
    if (guid === '') {
      problems.push({ file: qdeFile, record: `TextSource “${name}”`, field: 'guid', message: 'the source has no GUID' });
      continue;
    }
    const text = await sourceText(element, zip.value, sourceFiles, maxQdeBytes, fileName);
    if (!text.ok) {
      if ('skip' in text.error) skipped.push({ guid, name, kind: 'TextSource', reason: text.error.skip });
      else problems.push(text.error.problem);
      continue;
    }
    sources.push({ guid, name, ...text.value, user: guidAttr(element, 'creatingUser'), createdAt: element.attributes.get('creationDateTime') ?? null, selections: selectionsOf(element), values: variableValuesOf(element), noteGuids: noteRefsOf(element) });
  }
  if (problems.length > 0) return err(problems);
  const layoutEntry = zip.value.entries.find((e) => e.name === LAYOUT_ENTRY);
  const layoutText = layoutEntry ? await readText(zip.value, layoutEntry, maxQdeBytes, fileName) : null;
  const layout = layoutText?.ok ? parseLayoutFile(layoutText.value.text) : null;
  return ok({ file: fileName, name: project.attributes.get('name') ?? '', origin: project.attributes.get('origin') ?? null, users, codes, notes, sources, skipped, warnings, layout, extras: readQdpxExtras(project) });
}

async function readText(zip: SafeZip, entry: ZipEntryInfo, maxBytes: number, file: string): Promise<Result<{ text: string; hadBom: boolean }, Problem>> {
  const bytes = await zip.read(entry, maxBytes);
  if (!bytes.ok) return bytes;
  const text = decodeText(bytes.value, file);
  return text.ok ? ok({ text: text.value, hadBom: sniffBom(bytes.value).bomLength > 0 }) : text;
}

type SourceTextError = { skip: string } | { problem: Problem };

/** The source's plain text: inline, or an `internal://` file under `sources/` (any case). */
async function sourceText(element: XmlElement, zip: SafeZip, sourceFiles: ReadonlyMap<string, ZipEntryInfo>, maxBytes: number, file: string): Promise<Result<{ text: string; hadBom: boolean }, SourceTextError>> {
  const inline = childrenNamed(element, 'PlainTextContent')[0];
  if (inline) return ok({ text: inline.text, hadBom: false });
  const path = element.attributes.get('plainTextPath');
  if (path === undefined) return err({ skip: element.attributes.get('richTextPath') ? 'rich text without a plain-text version' : 'the source has no text' });
  // A bare file name (qc 1.3.2 writes `board_2017.txt`) is read as internal too.
  const internal = /^internal:\/\/(.+)$/i.exec(path) ?? (/^[a-z]+:\/\//i.test(path) ? null : [path, path]);
  if (!internal) return err({ skip: `its text is a file outside the archive (${path})` });
  const entry = sourceFiles.get(internal[1]!.toLowerCase());
  if (!entry) return err({ skip: `its text file ${internal[1]} is not in the archive` });
  const read = await readText(zip, entry, maxBytes, `${file} (${entry.name})`);
  return read.ok ? read : err({ problem: read.error });
}

/** Files under `sources/` (any case) by their lower-cased name, the first of a name winning: one lookup per source, not a scan. */
function sourceEntries(entries: readonly ZipEntryInfo[]): Map<string, ZipEntryInfo> {
  const byName = new Map<string, ZipEntryInfo>();
  for (const e of entries) {
    if (e.directory || !/^sources\//i.test(e.name)) continue;
    const name = e.name.slice('sources/'.length).toLowerCase();
    if (!byName.has(name)) byName.set(name, e);
  }
  return byName;
}

/** Loops, not filter and flatMap: a large project has 200,000 selections, each with a Coding and a CodeRef. */
function selectionsOf(source: XmlElement): QdpxSelection[] {
  const selections: QdpxSelection[] = [];
  for (const selection of source.children) {
    if (selection.name !== 'PlainTextSelection') continue;
    const guid = normalizeGuid(selection.attributes.get('guid') ?? '');
    if (guid === null) continue;
    const codings: QdpxCodingRef[] = [];
    let description = '';
    let described = false;
    for (const child of selection.children) {
      if (child.name === 'Coding') codings.push(codingOf(child, codings.length, guid));
      else if (child.name === 'Description' && !described) {
        description = child.text;
        described = true;
      }
    }
    selections.push({
      guid,
      start: Number(selection.attributes.get('startPosition')),
      end: Number(selection.attributes.get('endPosition')),
      name: selection.attributes.get('name') ?? '',
      description,
      user: guidAttr(selection, 'creatingUser'),
      createdAt: selection.attributes.get('creationDateTime') ?? null,
      codings,
      noteGuids: noteRefs(selection),
    });
  }
  return selections;
}

/** A Coding without a usable GUID gets one made from its selection's, the same on every import. */
function codingOf(coding: XmlElement, index: number, selectionGuid: string): QdpxCodingRef {
  const codeRef = coding.children.find((child) => child.name === 'CodeRef');
  return {
    guid: normalizeGuid(coding.attributes.get('guid') ?? '') ?? derivedId('qdpx-coding', selectionGuid, String(index)),
    codeGuid: codeRef ? normalizeGuid(codeRef.attributes.get('targetGUID') ?? '') : null,
    user: guidAttr(coding, 'creatingUser'),
    createdAt: coding.attributes.get('creationDateTime') ?? null,
    noteGuids: noteRefs(coding),
  };
}

/** The GUIDs NoteRef children point at (most elements have none, and share one empty list). */
function noteRefs(element: XmlElement): readonly string[] {
  let refs: string[] | null = null;
  for (const ref of element.children) {
    if (ref.name !== 'NoteRef') continue;
    const guid = normalizeGuid(ref.attributes.get('targetGUID') ?? '');
    if (guid !== null) (refs ??= []).push(guid);
  }
  return refs ?? NO_NOTES;
}

const NO_NOTES: readonly string[] = Object.freeze([]);

function guidAttr(element: XmlElement, name: string): string | null {
  return normalizeGuid(element.attributes.get(name) ?? '');
}
