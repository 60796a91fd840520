/**
 * Test-only file access. Fixtures live in shared/import/fixtures/; the real samples live outside
 * the repository in ../shared/samples/threads/ and may be absent (a fresh clone, CI), so tests
 * that use them check `sampleAvailable` and skip with SAMPLES_SKIP_REASON. Paths resolve from the
 * repository root (process.cwd() under vitest). Runtime code in shared/ never reads files.
 */
// eslint-disable-next-line no-restricted-imports -- tests run in Node and read fixture bytes; nothing here ships
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const SAMPLES_DIR = `${process.cwd()}/../shared/samples/threads`;
const FIXTURES_DIR = `${process.cwd()}/shared/import/fixtures`;

export const SAMPLES_SKIP_REASON = `real samples not found at ${SAMPLES_DIR} (../shared is not checked out next to the repository)`;

export function sampleAvailable(relativePath: string): boolean {
  return existsSync(`${SAMPLES_DIR}/${relativePath}`);
}

export function readSampleBytes(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(`${SAMPLES_DIR}/${relativePath}`));
}

/** Every fixture file, as paths relative to the fixtures folder. */
export function listFixtures(): string[] {
  return readdirSync(FIXTURES_DIR, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath}/${e.name}`.slice(FIXTURES_DIR.length + 1))
    .sort();
}

export function readFixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${FIXTURES_DIR}/${name}`));
}

/** A fixture as text, through the importer's own decoder (so BOMs and UTF-16 are handled). */
export function readFixtureText(name: string): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(readFixtureBytes(name));
}

/** Deterministic ids and clock for assembly. */
export function testDeps(): { ids: { newId(): string }; clock: { now(): string } } {
  let n = 0;
  return { ids: { newId: () => `tm-${++n}` }, clock: { now: () => '2024-06-01T10:00:00.000Z' } };
}
