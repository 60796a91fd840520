import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { auditFindings, lockProblems } from './dependency-audit.mjs';

const read = (name) => JSON.parse(readFileSync(new URL(`../${name}`, import.meta.url), 'utf8'));

describe('dependency audit', () => {
  it('finds this repository pinned and locked: exact versions, registry packages with integrity hashes', () => {
    expect(lockProblems(read('package.json'), read('package-lock.json'))).toEqual([]);
  });

  it('names a range, a package without a hash and one from elsewhere', () => {
    const problems = lockProblems(
      { dependencies: { dexie: '^4.4.7', react: '19.3.1' }, devDependencies: { vitest: '~3.0.0' } },
      {
        packages: {
          '': {},
          'node_modules/a': { resolved: 'https://registry.npmjs.org/a/-/a-1.0.0.tgz' },
          'node_modules/b': { resolved: 'https://evil.example/b.tgz', integrity: 'sha512-x' },
          'node_modules/c': { link: true },
        },
      },
    );
    expect(problems).toEqual([
      'package.json dependencies.dexie: "^4.4.7" is a range; pin an exact version',
      'package.json devDependencies.vitest: "~3.0.0" is a range; pin an exact version',
      'package-lock.json node_modules/a: no integrity hash',
      'package-lock.json node_modules/b: resolved from https://evil.example/b.tgz, not the npm registry',
    ]);
  });

  it('reads npm audit’s answer: high and critical advisories, or that the database was not reached', () => {
    const answer = { vulnerabilities: { x: { name: 'x', severity: 'high', range: '<2' }, y: { name: 'y', severity: 'low', range: '*' } } };
    expect(auditFindings(JSON.stringify(answer))).toEqual({ reached: true, serious: ['x (high): <2'] });
    expect(auditFindings(JSON.stringify({ message: '405 Method Not Allowed' }))).toEqual({ reached: false, reason: '405 Method Not Allowed' });
    expect(auditFindings('')).toMatchObject({ reached: false });
  });
});
