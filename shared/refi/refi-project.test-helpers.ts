/**
 * Test-only helpers for the .qdpx project tests: xmllint against resources/refi-qda/Project.xsd
 * (skipped where xmllint is missing; CI installs libxml2-utils), the demo project, and unzipping an
 * archive the exporter wrote.
 */
// eslint-disable-next-line no-restricted-imports -- tests run in Node and read files; nothing here ships
import { spawnSync } from 'node:child_process';
// eslint-disable-next-line no-restricted-imports -- as above
import { readFileSync } from 'node:fs';

import type { Bundle } from '../bundle/bundle';
import { parseBundleText } from '../bundle/validate';
import { openZip } from '../codebook/refi/safe-zip';

export const PROJECT_XSD = `${process.cwd()}/resources/refi-qda/Project.xsd`;

export function validateAgainstProjectXsd(xml: string): { valid: boolean; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', PROJECT_XSD, '-'], { input: xml, encoding: 'utf8' });
  return { valid: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

export function demoBundle(): Bundle {
  const parsed = parseBundleText(readFileSync(`${process.cwd()}/resources/demo/demo-project.threadmark.json`, 'utf8'));
  if (!parsed.ok) throw new Error('the demo project does not validate');
  return parsed.value;
}

/** Every file entry of an archive, decoded as UTF-8 (BOM kept). */
export async function unzipText(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await openZip(bytes, 'test.qdpx', 1000);
  if (!zip.ok) throw new Error(zip.error.message);
  const out = new Map<string, string>();
  for (const entry of zip.value.entries) {
    if (entry.directory) continue;
    const read = await zip.value.read(entry, 1 << 30);
    if (!read.ok) throw new Error(read.error.message);
    out.set(entry.name, new TextDecoder('utf-8', { ignoreBOM: true }).decode(read.value));
  }
  return out;
}
