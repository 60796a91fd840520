/** The posts a `coded` filter refers to: coded with a code (any when none), by a coder (any when none). */
import type { Problem } from '../../problem/problem';
import type { ProjectReader } from '../../project/project-store';
import { err, ok, type Result } from '../../util/result';
import type { CodedFilter } from './search-request';

export async function codedPostIds(reader: ProjectReader, filter: CodedFilter): Promise<Result<Set<string>, Problem>> {
  const { codeId, coderId } = filter;
  if (codeId !== undefined && !(await reader.codes()).some((c) => c.id === codeId)) {
    return err({ record: `code ${codeId}`, field: 'coded', message: 'the code does not exist' });
  }
  if (coderId !== undefined && !(await reader.coders()).some((c) => c.id === coderId)) {
    return err({ record: `coder ${coderId}`, field: 'coded', message: 'the coder does not exist' });
  }
  const codings = codeId !== undefined ? await reader.codingsOfCodes([codeId]) : coderId !== undefined ? await reader.codingsOfCoder(coderId) : await reader.allCodings();
  return ok(new Set(codings.filter((c) => coderId === undefined || c.coderId === coderId).map((c) => c.postId)));
}
