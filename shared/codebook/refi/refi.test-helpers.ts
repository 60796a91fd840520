/**
 * Test-only helpers for the REFI-QDA codebook tests: codes to write, the real sample files (outside
 * the repository in ../shared/samples/refi/, absent on a fresh clone: tests skip with the reason),
 * and xmllint validation against resources/refi-qda/Codebook.xsd (skipped where xmllint is missing;
 * CI installs libxml2-utils). Paths resolve from the repository root (process.cwd() under vitest).
 */
// eslint-disable-next-line no-restricted-imports -- tests run in Node and read sample bytes; nothing here ships
import { spawnSync } from 'node:child_process';
// eslint-disable-next-line no-restricted-imports -- as above
import { existsSync, readFileSync } from 'node:fs';

import type { Problem } from '../../problem/problem';
import { EMPTY_CODE_FIELDS, type Code } from '../../model/records';
import type { Result } from '../../util/result';
import type { XmlElement } from './xml-element';

const REFI_SAMPLES_DIR = `${process.cwd()}/../shared/samples/refi`;
export const CODEBOOK_XSD = `${process.cwd()}/resources/refi-qda/Codebook.xsd`;

export const REFI_SAMPLES_SKIP_REASON = `real REFI-QDA samples not found at ${REFI_SAMPLES_DIR} (../shared is not checked out next to the repository)`;

export function refiSampleAvailable(name: string): boolean {
  return existsSync(`${REFI_SAMPLES_DIR}/${name}`);
}

export function readRefiSample(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${REFI_SAMPLES_DIR}/${name}`));
}

/** A code with every structured field empty; `id` must be a GUID for writeQdc. */
export function makeCode(fields: Partial<Code> & Pick<Code, 'id' | 'name'>): Code {
  return { parentId: null, color: '#4363d8', order: 0, ...EMPTY_CODE_FIELDS, examples: [], exemplarCodingIds: [], ...fields };
}

/** `n` → a GUID that reads as its number, so failures are easy to trace. */
export function guid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function unwrap<T>(result: Result<T, Problem[]> | Result<T, string[]>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error, null, 2)}`);
  return result.value;
}

export function problemsOf<T>(result: Result<T, Problem[]>): Problem[] {
  if (result.ok) throw new Error('expected problems, got success');
  return result.error;
}

export const XMLLINT_AVAILABLE = spawnSync('xmllint', ['--version']).status === 0;
export const XMLLINT_SKIP_REASON = 'xmllint not found on PATH (install libxml2-utils; CI has it)';

/** xmllint's verdict on a document against Codebook.xsd: valid, or its error output. */
export function validateAgainstCodebookXsd(xml: string): { valid: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', CODEBOOK_XSD, '-'], { input: xml, encoding: 'utf8' });
  return { valid: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** An XmlElement tree with its attributes as a Map, however the parser keeps them (plain-xml-tree.ts reads them from the tag when asked): trees compare with toEqual. */
export function comparableTree(element: XmlElement | null): unknown {
  if (element === null) return null;
  return { ...element, attributes: new Map(element.attributes), children: element.children.map(comparableTree) };
}

/** The same for a parse's Result: a problem as it is, a tree made comparable. */
export function comparableRead(read: Result<XmlElement, Problem>): unknown {
  return read.ok ? { ok: true, value: comparableTree(read.value) } : read;
}
