/**
 * A table as an Apache Parquet file, for R (arrow::read_parquet) and Python (pandas, polars,
 * DuckDB), written by hyparquet-writer (docs/decisions/0008-libraries.md): pure JavaScript, the
 * same code in the browser and Node. Text columns are UTF-8 STRING and may be null; integers
 * (offsets in code points, counts) are INT32 and booleans BOOLEAN, both never null. Times stay
 * ISO 8601 strings, exactly as stored (a post's time may be absent or only to the second).
 * One row group per 100,000 rows, Snappy-compressed.
 */
import { parquetWriteBuffer } from 'hyparquet-writer/src/write.js';

import type { ColumnType, ExportTable } from './export-table';

const PARQUET_TYPE = { string: 'STRING', integer: 'INT32', boolean: 'BOOLEAN' } as const satisfies Record<ColumnType, string>;

export function writeParquet(table: ExportTable): Uint8Array {
  const columnData = table.columns.map((column, i) => ({
    name: column.name,
    data: table.rows.map((row) => row[i] ?? null),
    type: PARQUET_TYPE[column.type],
    nullable: column.type === 'string',
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData, codec: 'SNAPPY', rowGroupSize: 100_000, createdBy: 'Threadmark' }));
}
