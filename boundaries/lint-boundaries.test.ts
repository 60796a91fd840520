/**
 * Each boundary rule in eslint.config.js, shown failing on a probe: ESLint's Node API lints small
 * in-memory sources as if they were files in each layer (nothing is written to disk), with the real
 * config. Import rules need no types, so those probes are linted without a TypeScript program (fast);
 * the promise rules get a program of their probe alone (see `typed`).
 */
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

const PROBES = {
  shared: 'shared/__boundary_probe__.ts',
  cli: 'cli/__boundary_probe__.ts',
  main: 'main/__boundary_probe__.ts',
  renderer: 'renderer/app/__boundary_probe__.ts',
  feature: 'renderer/features/probe/__boundary_probe__.ts',
  typed: 'boundaries/__promise_probe__.ts',
} as const;

const TYPED_RULES = ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises'];

let untyped: ESLint;
let typed: ESLint;

beforeAll(() => {
  untyped = new ESLint({
    cwd: root,
    overrideConfig: {
      files: ['**/*.{ts,tsx}'],
      languageOptions: { parserOptions: { projectService: false } },
      rules: Object.fromEntries(TYPED_RULES.map((rule) => [rule, 'off'])),
    },
  });
  // The promise probe goes to TypeScript's default project: with the project root set to its own
  // folder, the project service looks for no tsconfig above it, so it never loads the app's program.
  typed = new ESLint({
    cwd: root,
    overrideConfig: {
      files: ['boundaries/*.ts'],
      languageOptions: {
        parserOptions: {
          tsconfigRootDir: `${root}boundaries`,
          projectService: { allowDefaultProject: ['__promise_probe__.ts'], defaultProject: 'promise-probe.tsconfig.json' },
        },
      },
    },
  });
});

interface Finding {
  rule: string | null;
  line: number;
  message: string;
}

async function lint(where: keyof typeof PROBES, source: string): Promise<Finding[]> {
  const [result] = await (where === 'typed' ? typed : untyped).lintText(source, { filePath: `${root}${PROBES[where]}` });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, line: m.line, message: m.message }));
}

/** One import per line; expects exactly the listed lines to be refused, each by no-restricted-imports with `because` in its message. */
async function expectRefused(where: Exclude<keyof typeof PROBES, 'typed'>, imports: readonly string[], because: string): Promise<void> {
  const findings = await lint(where, imports.map((specifier, i) => `import * as m${i} from '${specifier}';\nexport { m${i} };`).join('\n'));
  expect(findings.map((f) => [f.rule, f.line])).toEqual(imports.map((_, i) => ['no-restricted-imports', 2 * i + 1]));
  for (const finding of findings) expect(finding.message).toContain(because);
}

describe('lint boundaries', () => {
  it('shared/ imports no Node builtin, with or without node:', async () => {
    await expectRefused('shared', ['node:fs', 'fs', 'fs/promises', 'stream', 'node:crypto'], 'no Node APIs');
  });

  it('shared/ imports no React, Dexie, Lexical or Electron', async () => {
    await expectRefused('shared', ['react'], 'no React');
    await expectRefused('shared', ['dexie'], 'no Dexie');
    await expectRefused('shared', ['@lexical/react/LexicalComposer'], 'no Lexical');
    await expectRefused('shared', ['electron'], 'no Electron');
  });

  it('shared/ imports nothing else in the project', async () => {
    await expectRefused('shared', ['../renderer/db/database', '../cli/run', '../main/menu'], 'depends on nothing else');
  });

  it('cli/ imports neither the renderer nor main, and shared/ only as @shared/*', async () => {
    await expectRefused('cli', ['../renderer/app/App', '../main/menu', '../shared/bundle/bundle'], 'cli/ imports only its own files');
  });

  it('cli/ imports only node:*, @shared/* and the packages it names', async () => {
    await expectRefused('cli', ['react', 'dexie', 'zod', 'fs', '@lexical/headless'], 'cli/ imports only node:*');
  });

  it('main/ imports neither the renderer nor the CLI', async () => {
    await expectRefused('main', ['../renderer/app/App', '../cli/run'], 'main/ never imports');
  });

  it('the renderer imports no Node builtin', async () => {
    await expectRefused('renderer', ['node:fs', 'path', 'node:child_process'], 'no Node APIs');
  });

  it('the renderer reaches main only through the bridge', async () => {
    await expectRefused('renderer', ['electron', '../../main/menu', '../../cli/run'], 'typed bridge');
  });

  it('renderer features import no Dexie and no renderer/db internals', async () => {
    await expectRefused('feature', ['dexie', 'dexie-react-hooks'], 'not Dexie');
    await expectRefused('feature', ['../../db/database', '../../db/repositories/codes-repository', '../../db', '../../db/project-store/internal'], 'only renderer/db/project-store');
  });

  it('a renderer feature keeps the renderer-wide rules too', async () => {
    await expectRefused('feature', ['node:fs', 'electron'], 'renderer');
  });

  it('a floating promise and a promise where a void callback goes are errors', { timeout: 60_000 }, async () => {
    const findings = await lint(
      'typed',
      ['async function save(): Promise<void> {}', 'export function run(): void {', '  save();', '  [1].forEach(async () => save());', '}'].join('\n'),
    );
    expect(findings.map((f) => [f.rule, f.line])).toEqual([
      ['@typescript-eslint/no-floating-promises', 3],
      ['@typescript-eslint/no-misused-promises', 4],
    ]);
  });

  it('clean probes pass in every layer', async () => {
    expect(await lint('shared', "import { z } from 'zod';\n\nimport { ok } from './util/result';\n\nexport const probe = [z, ok];\n")).toEqual([]);
    expect(
      await lint('cli', "import { readFile } from 'node:fs/promises';\n\nimport { ok } from '@shared/util/result';\n\nimport { run } from './run';\n\nexport const probe = [readFile, ok, run];\n"),
    ).toEqual([]);
    expect(await lint('main', "import { join } from 'node:path';\n\nimport { app } from 'electron';\n\nimport { ok } from '@shared/util/result';\n\nexport const probe = [join, app, ok];\n")).toEqual([]);
    expect(
      await lint(
        'feature',
        [
          "import { useState } from 'react';",
          '',
          "import { ok } from '@shared/util/result';",
          '',
          "import type { ThreadmarkDB } from '../../db/database';",
          "import * as store from '../../db/project-store';",
          "import { useProjectQuery } from '../../db/use-project-query';",
          "import { helper } from './helper';",
          '',
          'export const probe = [useState, ok, store, useProjectQuery, helper];',
          'export type Probe = ThreadmarkDB;',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('awaited and deliberately voided promises pass', async () => {
    const source = [
      'async function save(): Promise<void> {}',
      'export async function run(): Promise<void> {',
      '  await save();',
      '  void save();',
      '  for (const n of [1]) await save().then(() => n);',
      '}',
    ].join('\n');
    expect(await lint('typed', source)).toEqual([]);
  });
});
