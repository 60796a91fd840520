import { builtinModules } from 'node:module';

import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/*
 * Layer boundaries (docs/ARCHITECTURE.md), checked here rather than by discipline; each rule is shown
 * failing on a probe in boundaries/lint-boundaries.test.ts. no-restricted-imports sees the import string,
 * not the resolved file, so cross-layer relative imports are caught by folder name.
 */

/**
 * Imports of these npm packages and their subpaths, as a regex: a gitignore-style group such as
 * ['react'] would also match any path with a `react` segment ('@lexical/react/…', './react/x').
 */
const packages = (...names) => `^(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:/|$)`;

/** Node's builtins, by bare name ('fs', 'stream', 'fs/promises'…) or node:*. */
const NODE_BUILTIN = `^node:|${packages(...builtinModules.filter((m) => !m.startsWith('_') && !m.includes('/')))}`;

/** What shared/ must never import: it is pure and runs in the renderer, the CLI and tests alike. */
const SHARED_FORBIDDEN = [
  { regex: packages('electron'), message: 'shared/ is pure: no Electron.' },
  { regex: NODE_BUILTIN, message: 'shared/ is pure: no Node APIs.' },
  { regex: packages('react', 'react-dom'), message: 'shared/ is pure: no React.' },
  { regex: '^dexie(?:-[^/]*)?(?:/|$)', message: 'shared/ is pure: no Dexie.' },
  { regex: '^(?:lexical(?:/|$)|@lexical/)', message: 'shared/ is pure: no Lexical.' },
  { group: ['**/renderer/**', '**/main/**', '**/cli/**', '**/node/**'], message: 'shared/ depends on nothing else in the project.' },
];

/**
 * cli/ runs in Node on shared/ alone: node: builtins, @shared/*, its own files, and the npm packages
 * named here — none at runtime today (zod, csv-* come in through shared/); vitest for its tests and
 * vite for cli/vite.config.ts.
 */
const CLI_PACKAGES = ['vitest', 'vite'];
const CLI_FORBIDDEN = [
  {
    regex: `^(?!\\.|node:|@shared/|${packages(...CLI_PACKAGES).slice(1)})`,
    message: `cli/ imports only node:*, @shared/*, its own files and ${CLI_PACKAGES.join(', ')} (eslint.config.js CLI_PACKAGES).`,
  },
  {
    regex: '^\\.\\.?/(?:.*/)?(?:renderer|main|shared|e2e|bench)(?:/|$)',
    message: 'cli/ imports only its own files by relative path; shared/ through @shared/*, never renderer/ or main/.',
  },
];

/** node/ is Node-only code main/ and cli/ share (the atomic file write): it imports neither of them. */
const NODE_FORBIDDEN = [
  { group: ['electron', 'electron/*', '**/renderer/**', '**/main/**', '**/cli/**'], message: 'node/ is shared by main/ and cli/: it imports neither, nor the renderer or Electron.' },
];

const MAIN_FORBIDDEN = [{ group: ['**/renderer/**', '**/cli/**'], message: 'main/ never imports the renderer or the CLI; shared/ is the common ground.' }];

const RENDERER_FORBIDDEN = [
  { regex: NODE_BUILTIN, message: 'The renderer runs in a sandboxed page: no Node APIs.' },
  { regex: packages('electron'), message: 'The renderer reaches main only through the typed bridge.' },
  { group: ['**/main/**', '**/cli/**', '**/node/**'], message: 'The renderer reaches main only through the typed bridge.' },
];

/**
 * renderer/features/** reach stored data through one adapter entry point, renderer/db/project-store
 * (type-only imports from renderer/db are fine): never Dexie, its React hooks or renderer/db internals.
 */
const FEATURE_DB_FORBIDDEN = [
  { regex: packages('dexie', 'dexie-react-hooks'), message: 'Features read and write through renderer/db/project-store, not Dexie.' },
  {
    regex: '^\\.\\.?/(?:.*/)?db(?:/(?!(?:project-store|use-project-query)$).*)?$',
    allowTypeImports: true,
    message: 'Features import only renderer/db/project-store and renderer/db/use-project-query (and types) from renderer/db.',
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'reports/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Type information for the rules below: every .ts file belongs to tsconfig.json or shared/tsconfig.json.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // An async handler in a JSX attribute (onClick={save}) is React's business, not a bug.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'bench/page/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: SHARED_FORBIDDEN }] },
  },
  {
    files: ['cli/**/*.{ts,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: CLI_FORBIDDEN }] },
  },
  {
    files: ['main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: MAIN_FORBIDDEN }] },
  },
  {
    files: ['node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: NODE_FORBIDDEN }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: RENDERER_FORBIDDEN }] },
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}'],
    // Tests set up databases with renderer/db's test support; the rule is about what ships.
    ignores: ['renderer/features/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...RENDERER_FORBIDDEN, ...FEATURE_DB_FORBIDDEN] }] },
  },
  {
    files: ['cli/**/*.ts', 'bench/**/*.mjs', 'cli/bin/*.mjs', 'e2e/**/*.ts', '.ci/*.mjs'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
