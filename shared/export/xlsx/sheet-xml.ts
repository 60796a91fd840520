/**
 * One table as a SpreadsheetML worksheet, produced in pieces so a sheet of hundreds of thousands
 * of rows is never one string. Text is always an inline string (`t="inlineStr"`), numbers `<v>`,
 * booleans `t="b"`, null no cell at all: nothing is ever written as a formula (`<f>`), so a post
 * starting with "=" stays text. The header row is bold (style 1) and frozen.
 */
import type { Cell, ExportTable } from '../export-table';
import { columnLetters, xlsxText } from './xlsx-text';

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
  '<sheetData>';
const TAIL = '</sheetData></worksheet>';

/** About this many characters per piece. */
const PIECE_CHARS = 1 << 20;

export function* sheetXml(table: ExportTable): Generator<string> {
  const letters = table.columns.map((_, i) => columnLetters(i));
  let piece = HEAD + row(1, letters, table.columns.map((c) => c.name), 1);
  for (let r = 0; r < table.rows.length; r++) {
    piece += row(r + 2, letters, table.rows[r]!, 0);
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = '';
    }
  }
  yield piece + TAIL;
}

function row(number: number, letters: readonly string[], cells: readonly Cell[], style: 0 | 1): string {
  const s = style === 1 ? ' s="1"' : '';
  let xml = `<row r="${number}">`;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const ref = `${letters[i]}${number}`;
    if (cell === null || cell === undefined) continue;
    if (typeof cell === 'number') xml += `<c r="${ref}"${s}><v>${cell}</v></c>`;
    else if (typeof cell === 'boolean') xml += `<c r="${ref}"${s} t="b"><v>${cell ? 1 : 0}</v></c>`;
    else xml += `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xlsxText(cell)}</t></is></c>`;
  }
  return `${xml}</row>`;
}
