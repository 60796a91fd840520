interface Header {
  key: string;
  label: string;
}

interface Props {
  caption: string;
  /** The corner cell's text: what the rows are. */
  corner: string;
  rows: readonly Header[];
  columns: readonly Header[];
  /** The figure at a row and column, already formatted. */
  figure: (rowKey: string, columnKey: string) => string;
}

/** A chart's numbers as a table, the alternative to the picture for screen readers and copying. */
export function ChartTable({ caption, corner, rows, columns, figure }: Props) {
  return (
    <table className="count-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{corner}</th>
          {columns.map((c) => (
            <th scope="col" key={c.key}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            {columns.map((c) => (
              <td key={c.key}>{figure(r.key, c.key)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Looks up `value` by two keys in one pass over `data`, instead of a search per cell. */
export function figureLookup<T>(data: readonly T[], rowOf: (d: T) => string, columnOf: (d: T) => string, valueOf: (d: T) => number | null): (row: string, column: string) => number | null {
  const byKey = new Map(data.map((d) => [`${rowOf(d)}\u0000${columnOf(d)}`, valueOf(d)]));
  return (row, column) => byKey.get(`${row}\u0000${column}`) ?? null;
}
