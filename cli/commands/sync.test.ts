import { describe, expect, it } from 'vitest';

import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';

const common = ['--url', 'http://127.0.0.1:9', '--project', 'p1', '--user', 'ada', '--password-file', 'pw.txt'];

describe('threadmark sync: the command line', () => {
  it('names what is missing or wrong, before reaching any server', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['sync', ...common, '-o', 'out.json'], /missing <bundle> \(or --new/],
      [['sync', 'a.json', '--new', ...common, '-o', 'out.json'], /--new starts from nothing/],
      [['sync', 'a.json', '--url', 'http://x', '--project', 'p1', '--user', 'ada', '-o', 'out.json'], /missing --password-file/],
      [['sync', 'a.json', ...common], /missing -o/],
      [['sync', 'a.json', ...common.slice(0, 3), 'Bad Key', ...common.slice(4), '-o', 'o.json'], /cannot name a team project/],
    ];
    for (const [args, message] of cases) {
      const m = memoryIo();
      expect(await run(args, m.io)).toBe(2);
      expect(m.stderr()).toMatch(message);
    }
  });

  it('writes nothing when the password file cannot be read or the server cannot be reached', async () => {
    const m = memoryIo({ 'pw.txt': 'secret\n' });
    expect(await run(['sync', '--new', ...common.slice(0, 6), '--password-file', 'missing.txt', '-o', 'out.json'], m.io)).toBe(1);
    expect(m.stderr()).toMatch(/cannot read missing\.txt[\s\S]*nothing written/);
    const unreachable = memoryIo({ 'pw.txt': 'secret\n' });
    expect(await run(['sync', '--new', ...common, '-o', 'out.json'], unreachable.io)).toBe(1);
    expect(unreachable.stderr()).toMatch(/Cannot reach the team server at http:\/\/127\.0\.0\.1:9[\s\S]*nothing written/);
    expect(unreachable.files.has('out.json')).toBe(false);
    expect(unreachable.stderr()).not.toContain('secret');
  });
});
