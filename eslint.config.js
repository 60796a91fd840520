import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** What shared/ must never import: it is pure and runs in the renderer, the CLI and tests alike. */
const SHARED_FORBIDDEN = [
  { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
  { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'shared/ is pure: no Node APIs.' },
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ is pure: no React.' },
  { group: ['dexie', 'dexie-*'], message: 'shared/ is pure: no Dexie.' },
  { group: ['lexical', '@lexical/*'], message: 'shared/ is pure: no Lexical.' },
  { group: ['**/renderer/**', '**/main/**', '**/cli/**'], message: 'shared/ depends on nothing else in the project.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'reports/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
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
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', '**/main/**', '**/cli/**'], message: 'The renderer reaches main only through the typed bridge.' }] },
      ],
    },
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
