import { serializeBundle } from '@shared/bundle/serialize';
import { describe, expect, it } from 'vitest';

import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';

const good = serializeBundle(exampleBundle());
const bad = good.replace('"end": 34', '"end": 99').replace('"rootPostId": "p-3"', '"rootPostId": "p-404"');

describe('threadmark validate', () => {
  it('prints counts and exits 0 for a valid bundle', async () => {
    const m = memoryIo({ 'b.threadmark.json': good });
    expect(await run(['validate', 'b.threadmark.json'], m.io)).toBe(0);
    expect(m.stdout()).toBe('valid: 2 threads, 3 posts, 3 codes, 5 codings\n');
    expect(m.stderr()).toBe('');
  });

  it('prints one line per problem on stderr, prefixed with the file, and exits 1', async () => {
    const m = memoryIo({ 'b.json': bad });
    expect(await run(['validate', 'b.json'], m.io)).toBe(1);
    expect(m.stderr()).toBe(
      'b.json: threads[1] (id "t-2") rootPostId: unknown post "p-404"\n' +
        'b.json: codings[2] (id "c-emoji") end: offset 99 is outside the post text (length 34)\n',
    );
    expect(m.stdout()).toBe('');
  });

  it('names the path when the file cannot be read', async () => {
    const m = memoryIo();
    expect(await run(['validate', 'missing.json'], m.io)).toBe(1);
    expect(m.stderr()).toBe('threadmark: cannot read missing.json: no such file or directory\n');
  });

  it('reports JSON syntax errors with line and column', async () => {
    const m = memoryIo({ 'b.json': '{\n  "format": "threadmark",\n  oops\n}' });
    expect(await run(['validate', 'b.json'], m.io)).toBe(1);
    expect(m.stderr()).toBe('b.json: bundle: not valid JSON: line 3, column 3: expected a property name in double quotes, found "o"\n');
  });

  it('prints machine-readable results with --json', async () => {
    const ok = memoryIo({ 'b.json': good });
    expect(await run(['validate', '--json', 'b.json'], ok.io)).toBe(0);
    expect(JSON.parse(ok.stdout())).toEqual({ valid: true, counts: { threads: 2, posts: 3, codes: 3, codings: 5 }, problems: [] });

    const no = memoryIo({ 'b.json': bad });
    expect(await run(['validate', 'b.json', '--json'], no.io)).toBe(1);
    const report = JSON.parse(no.stdout()) as { valid: boolean; problems: unknown[] };
    expect(report.valid).toBe(false);
    expect(report.problems[1]).toEqual({ record: 'codings[2] (id "c-emoji")', field: 'end', message: 'offset 99 is outside the post text (length 34)' });
  });

  it('is a usage error without a bundle, with two bundles or with an unknown option', async () => {
    for (const argv of [['validate'], ['validate', 'a', 'b'], ['validate', 'a', '--strict']]) {
      const m = memoryIo();
      expect(await run(argv, m.io)).toBe(2);
      expect(m.stderr()).toContain('Usage: threadmark validate <bundle>');
    }
  });
});
