/** Reads a Parquet file back for tests with hyparquet, the reader independent of the writer. */
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';

const arrayBuffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** Every row as an object keyed by column name. */
export function readParquetRows(bytes: Uint8Array): Promise<Array<Record<string, unknown>>> {
  return parquetReadObjects({ file: arrayBuffer(bytes), rowFormat: 'object' });
}

/** Each column's name, physical type and repetition (REQUIRED / OPTIONAL). */
export function parquetColumns(bytes: Uint8Array): Array<[string, string | undefined, string | undefined]> {
  return parquetSchema(parquetMetadata(arrayBuffer(bytes))).children.map((c) => [c.element.name, c.element.type, c.element.repetition_type]);
}
