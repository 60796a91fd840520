import { describe, expect, it } from 'vitest';

import { applied, runner, smallProject } from '../testing/core-fixtures.test-helpers';
import { nameVersion } from './codebook';
import { addCoding } from './codings';

const coding = { postId: 'p-1', codeId: 'c-what', start: 0, end: 3 };

// In a blind coder project it is the package's version: coder-packages.test.ts.
describe('addCoding records the codebook version it was made under', () => {
  it('none while no version is named, then the latest named one', async () => {
    const store = smallProject();
    const run = runner(store);
    expect(applied(await run(addCoding, coding)).result).not.toHaveProperty('codebookVersionId');
    const v1 = applied(await run(nameVersion, { name: 'v1' })).result;
    expect(applied(await run(addCoding, coding)).result.codebookVersionId).toBe(v1.id);
    const v2 = applied(await run(nameVersion, { name: 'v2' })).result;
    expect(applied(await run(addCoding, coding)).result.codebookVersionId).toBe(v2.id);
  });
});
