/**
 * Reads an XLSX workbook back for tests, independently of the writer: zip.js unzips, fast-xml-parser
 * parses, and cells are decoded as a spreadsheet would (inline strings, numbers, booleans, the
 * `_xHHHH_` escape). Formulas are reported, so a test can show there are none.
 */
import { TextWriter, Uint8ArrayReader, ZipReader } from '@zip.js/zip.js/lib/zip-core-native.js';
import { XMLParser } from 'fast-xml-parser';

export interface ReadCell {
  ref: string;
  type: string | undefined;
  value: string | number | boolean;
  formula: boolean;
}

export interface ReadSheet {
  name: string;
  /** Rows of values by column position; a missing cell is null. */
  rows: Array<Array<string | number | boolean | null>>;
  cells: ReadCell[];
  xml: string;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', parseTagValue: false, trimValues: false, isArray: (name) => ['sheet', 'row', 'c', 'Relationship', 'Override'].includes(name) });

export async function readXlsx(bytes: Uint8Array): Promise<{ files: Map<string, string>; sheets: ReadSheet[] }> {
  const zip = new ZipReader(new Uint8ArrayReader(bytes), { useWebWorkers: false });
  const files = new Map<string, string>();
  for (const entry of await zip.getEntries()) if (!entry.directory) files.set(entry.filename, await entry.getData!(new TextWriter()));
  await zip.close();
  const workbook = parser.parse(files.get('xl/workbook.xml')!) as { workbook: { sheets: { sheet: Array<Record<string, string>> } } };
  const rels = parser.parse(files.get('xl/_rels/workbook.xml.rels')!) as { Relationships: { Relationship: Array<Record<string, string>> } };
  const target = new Map(rels.Relationships.Relationship.map((r) => [r['@Id'], `xl/${r['@Target']}`]));
  const sheets = workbook.workbook.sheets.sheet.map((s) => {
    const xml = files.get(target.get(s['@r:id'])!)!;
    return { name: s['@name']!, xml, ...readSheet(xml) };
  });
  return { files, sheets };
}

function readSheet(xml: string): Pick<ReadSheet, 'rows' | 'cells'> {
  type C = { '@r': string; '@t'?: string; v?: string; f?: unknown; is?: { t: string | { '#text'?: string } } };
  const doc = parser.parse(xml) as { worksheet: { sheetData: { row?: Array<{ c?: C[] }> } } };
  const cells: ReadCell[] = [];
  const rows = (doc.worksheet.sheetData.row ?? []).map((row) => {
    const values: Array<string | number | boolean | null> = [];
    for (const c of row.c ?? []) {
      const raw = c.is ? (typeof c.is.t === 'string' ? c.is.t : (c.is.t['#text'] ?? '')) : (c.v ?? '');
      const value = c['@t'] === 'inlineStr' ? decodeEscapes(raw) : c['@t'] === 'b' ? raw === '1' : c['@t'] === undefined ? Number(raw) : raw;
      cells.push({ ref: c['@r'], type: c['@t'], value, formula: c.f !== undefined });
      values[columnIndex(c['@r'])] = value;
    }
    return Array.from(values, (v) => v ?? null);
  });
  return { rows, cells };
}

/** `_xHHHH_` → the character, as Excel reads ST_Xstring. */
function decodeEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)![0];
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}
