// Reads Vitest's and Playwright's JSON reports and prints the one closing line CI is judged by.
// A step with no report of its own (lint, typecheck, build) that failed counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;

function read(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

const unit = read('reports/vitest.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
  if (unit.numFailedTestSuites > 0 && unit.numFailedTests === 0) failed += unit.numFailedTestSuites;
}

const e2e = read('reports/playwright.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
  for (const error of e2e.errors ?? []) {
    console.log(`e2e error: ${error.message ?? error}`);
    failed += 1;
  }
}

if (status !== 0 && failed === 0) failed = 1;
if (status === 0 && passed === 0) {
  console.log('ci: no test ran');
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
