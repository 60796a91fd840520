/**
 * An XLSX workbook, one sheet per table, written as OOXML parts zipped with zip.js (already used
 * for .qdpx; docs/decisions/0008-libraries.md says why no spreadsheet library). Pure: the bytes
 * come out as a Uint8Array in the browser, a Worker and Node alike. Sheet XML is streamed into the
 * zip piece by piece, so only the compressed workbook is held whole.
 */
import { Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js/lib/zip-core-native.js';

import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import type { ExportTable } from '../export-table';
import { sheetNames } from './sheet-names';
import { sheetXml } from './sheet-xml';
import { xmlAttribute } from './xlsx-text';

/** Excel's limits: 1,048,576 rows (one is the header) and 16,384 columns per sheet. */
export const MAX_SHEET_ROWS = 1_048_575;
export const MAX_SHEET_COLUMNS = 16_384;

/** A fixed time in every entry, so the same tables give the same archive layout. */
const ENTRY_DATE = new Date(Date.UTC(2000, 0, 1));

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export async function writeXlsx(tables: readonly ExportTable[]): Promise<Result<Uint8Array, Problem>> {
  for (const t of tables) {
    if (t.rows.length > MAX_SHEET_ROWS) return err({ record: `sheet “${t.name}”`, message: `has ${t.rows.length.toLocaleString('en')} rows; a sheet holds at most ${MAX_SHEET_ROWS.toLocaleString('en')}: export it as CSV or Parquet instead` });
    if (t.columns.length > MAX_SHEET_COLUMNS) return err({ record: `sheet “${t.name}”`, message: `has ${t.columns.length} columns; a sheet holds at most ${MAX_SHEET_COLUMNS}: export it as CSV or Parquet instead` });
  }
  const names = sheetNames(tables.map((t) => t.name));
  const writer = new ZipWriter(new Uint8ArrayWriter(), { useWebWorkers: false, useCompressionStream: true, extendedTimestamp: false, lastModDate: ENTRY_DATE });
  const text = (name: string, content: string) => writer.add(name, streamOf([content][Symbol.iterator]()));
  await text('[Content_Types].xml', contentTypes(tables.length));
  await text('_rels/.rels', `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  await text('xl/workbook.xml', workbook(names));
  await text('xl/_rels/workbook.xml.rels', workbookRels(tables.length));
  await text('xl/styles.xml', STYLES);
  for (let i = 0; i < tables.length; i++) await writer.add(`xl/worksheets/sheet${i + 1}.xml`, streamOf(sheetXml(tables[i]!)));
  return ok(await writer.close());
}

/** A stream of UTF-8 bytes pulled from string pieces as zip.js asks for them. */
function streamOf(pieces: Iterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.next();
      if (next.done === true) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}

function contentTypes(sheets: number): string {
  const sheetTypes = Array.from({ length: sheets }, (_, i) =>
    `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    `${sheetTypes}</Types>`
  );
}

function workbook(names: readonly string[]): string {
  const sheets = names.map((name, i) => `<sheet name="${xmlAttribute(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`;
}

function workbookRels(sheets: number): string {
  const rels = Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return `${XML}<Relationships xmlns="${PKG_REL}">${rels}<Relationship Id="rId${sheets + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
}

// Style 0: the default; style 1: bold, for the header row.
const STYLES =
  `${XML}<styleSheet xmlns="${MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
