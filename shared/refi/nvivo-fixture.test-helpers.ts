/**
 * Rewrites a .qdpx the way NVivo for Windows writes one (docs/refi-qda.md §2, §6): sources in
 * `Sources/` with a BOM and CRLF line ends, positions in UTF-16 code units counting each CRLF as
 * two, `origin="NVivo 12"`, and the codings of another user added, each selection written twice.
 * Test-only (the e2e builds its own with the same rules).
 */
import { buildZip } from '../codebook/refi/zip.test-helpers';
import { TextIndex } from './text-index';

export interface ForeignCoding {
  /** Code point range in the LF source text as Threadmark wrote it. */
  start: number;
  end: number;
  codeGuid: string;
}

const USER = '7f3c1b9e-2d4a-4c6b-9e8f-0a1b2c3d4e5f';

export function asNvivo(files: Map<string, string>, added: Map<string, ForeignCoding[]>, userName = 'Nora (NVivo)'): Uint8Array {
  let qde = files.get('project.qde')!;
  qde = qde.replace(/origin="[^"]*"/, 'origin="NVivo 12 (Windows)"');
  qde = qde.replace('<Users>', `<Users>\n    <User guid="${USER}" name="${userName}"/>`);
  const entries: Array<{ name: string; data: string }> = [];
  for (const [name, text] of files) {
    if (!name.startsWith('sources/')) continue;
    const guid = name.slice('sources/'.length, -'.txt'.length);
    const crlf = text.replace(/\n/g, '\r\n');
    const lfIndex = new TextIndex(text);
    // LF code point → CRLF UTF-16 unit: the LF text's UTF-16 index plus one per LF before it.
    const toNvivo = (cp: number): number => {
      const u16 = lfIndex.utf16Of(cp);
      return u16 + (text.slice(0, u16).match(/\n/g)?.length ?? 0);
    };
    // Threadmark's own selections: their code point positions become NVivo's units.
    qde = qde.replace(new RegExp(`(<TextSource guid="${guid}"[\\s\\S]*?</TextSource>)`), (block) =>
      block.replace(/startPosition="(\d+)" endPosition="(\d+)"/g, (_m, s: string, e: string) => `startPosition="${toNvivo(Number(s))}" endPosition="${toNvivo(Number(e))}"`),
    );
    const extra = (added.get(guid) ?? []).flatMap((c, i) => {
      const selection = (copy: number) =>
        `      <PlainTextSelection guid="${fakeGuid(guid, i, copy)}" name="" startPosition="${toNvivo(c.start)}" endPosition="${toNvivo(c.end)}" creatingUser="${USER}">\n` +
        `        <Coding guid="${fakeGuid(guid, i, copy + 10)}" creatingUser="${USER}"><CodeRef targetGUID="${c.codeGuid}"/></Coding>\n      </PlainTextSelection>`;
      return [selection(0), selection(1)];
    });
    qde = qde.replace(new RegExp(`(<TextSource guid="${guid}"[^>]*>)`), `$1\n${extra.join('\n')}`);
    entries.push({ name: `Sources/${guid}.txt`, data: `\ufeff${crlf}` });
  }
  return buildZip([{ name: 'project.qde', data: qde }, ...entries]);
}

function fakeGuid(source: string, i: number, copy: number): string {
  return `${source.slice(0, 24)}${(i * 100 + copy).toString(16).padStart(12, '0')}`;
}
