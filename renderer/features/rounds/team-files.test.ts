import { describe, expect, it } from 'vitest';

import { packagesSentence, returnFileName } from './team-files';

describe('the team loop’s files', () => {
  it('names the returned file after the package', () => {
    expect(returnFileName({ projectName: 'Demo: #MeToo backlash thread', roundName: 'Round 1', coderName: 'Ben' })).toBe(
      'demo-metoo-backlash-thread-round-1-ben-returned.threadmark.json',
    );
  });

  it('says which packages were written, and which were not', () => {
    expect(packagesSentence({ written: [{ coderName: 'Ben', location: 'b.json' }, { coderName: 'Cy', location: 'c.json' }], skipped: [] })).toBe(
      'Wrote 2 coder packages: b.json (Ben), c.json (Cy). Send each coder their file.',
    );
    expect(packagesSentence({ written: [{ coderName: 'Ben', location: '/home/lea/b.json' }], skipped: ['Cy'] })).toBe(
      'Wrote one coder package: /home/lea/b.json (Ben). Send each coder their file. Not saved: Cy.',
    );
    expect(packagesSentence({ written: [], skipped: ['Ben'] })).toBe('No package was written. Not saved: Ben.');
  });
});
