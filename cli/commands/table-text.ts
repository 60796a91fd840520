import { terminalSafe } from '@shared/text/terminal-safe';

/**
 * Tables as aligned plain text for the terminal: the first column (code paths) left-aligned,
 * figures right-aligned, two spaces between columns. Shared by `threadmark table` and `cooccur`.
 */
export function alignedTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  // Cells escaped before measuring (a name's control characters become `\uXXXX`), so columns stay aligned.
  const all = [header, ...rows].map((row) => row.map(terminalSafe));
  const widths = header.map((_, i) => Math.max(...all.map((row) => [...(row[i] ?? '')].length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - [...cell].length);
        return i === 0 ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd();
  return all.map((row) => `${line(row)}\n`).join('');
}

/** A figure as the terminal shows it: counts grouped, a ratio (Jaccard) to three places, – for none. */
export function figure(value: number | null, ratio = false): string {
  if (value === null) return '–';
  return ratio ? value.toFixed(3) : value.toLocaleString('en-US');
}
