import type { Bundle } from '@shared/bundle/bundle';
import { parseBundleText } from '@shared/bundle/validate';
import { formatProblem, type Problem } from '@shared/problem/problem';
import type { Result } from '@shared/util/result';
import { err } from '@shared/util/result';

import { describeFileError, type CliIo } from './io';

/** Reads and validates a bundle; every failure becomes lines that name the file. */
export async function loadBundle(path: string, io: CliIo): Promise<Result<Bundle, { lines: string[]; problems: Problem[] }>> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (e) {
    const message = `cannot read ${path}: ${describeFileError(e)}`;
    return err({ lines: [`threadmark: ${message}`], problems: [{ record: 'bundle', message }] });
  }
  const result = parseBundleText(text);
  if (result.ok) return result;
  return err({ lines: result.error.map((p) => `${path}: ${formatProblem(p)}`), problems: result.error });
}
