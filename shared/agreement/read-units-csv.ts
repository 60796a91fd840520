/**
 * A `unit,coder,value` CSV read from chunks of bytes: the fast path (units-csv-fast.ts) while the
 * file keeps the common shape, else the strict parser (units-csv.ts) over the whole text, which
 * names every problem. The result is the same either way; only the speed differs.
 */
import type { Result } from '../util/result';
import { ok } from '../util/result';
import type { ReliabilityData } from './reliability-data';
import { parseUnitsCsv } from './units-csv';
import { UnitsCsvFastReader } from './units-csv-fast';

/**
 * `wholeText` is the file as text, asked for only when the fast path gives up (it may throw, as a
 * read does). `sizeBytes`, when known, lets the fast path size its tables once.
 */
export async function readUnitsCsv(chunks: AsyncIterable<Uint8Array>, wholeText: () => Promise<string>, sizeBytes = 0): Promise<Result<ReliabilityData, string[]>> {
  const reader = new UnitsCsvFastReader(sizeBytes);
  let fast = true;
  for await (const chunk of chunks) {
    if (!reader.push(chunk)) {
      fast = false;
      break;
    }
  }
  const data = fast ? reader.finish() : null;
  return data ? ok(data) : parseUnitsCsv(await wholeText());
}
