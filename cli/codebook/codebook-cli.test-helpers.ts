/** Test-only: codebooks as .qdc text, deterministic import deps, bundles read back. */
import { expect } from 'vitest';

import type { Bundle } from '@shared/bundle/bundle';
import { parseBundleText } from '@shared/bundle/validate';
import { writeQdc } from '@shared/codebook/refi/write-qdc';
import { guid, makeCode, unwrap } from '@shared/codebook/refi/refi.test-helpers';
import type { Code } from '@shared/model/records';

import type { ImportDeps } from '../commands/import';

export const T = '2026-01-02T03:04:05.000Z';

/** Deterministic clock and ids ("id-1", "id-2"…). */
export function deps(extra: Partial<ImportDeps> = {}): Partial<ImportDeps> {
  let n = 0;
  return { clock: { now: () => T }, ids: { newId: () => `id-${++n}` }, ...extra };
}

export function bundleOf(text: string | undefined): Bundle {
  expect(text).toBeDefined();
  const parsed = parseBundleText(text as string);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
  return parsed.value;
}

export function qdc(codes: readonly Code[], origin = 'Test'): string {
  return unwrap(writeQdc(codes, { origin }));
}

/** Version 1 of a small codebook: Fallacy > (Whataboutism, False equivalence), Derailing, Tone. */
export function codebookV1(): Code[] {
  return [
    makeCode({ id: guid(1), name: 'Fallacy', codable: false, definition: 'Flawed reasoning.', shortcut: 'f' }),
    makeCode({ id: guid(2), name: 'Whataboutism', parentId: guid(1), order: 0, definition: 'Changes the topic to another wrong.', examples: ['But what about them?'] }),
    makeCode({ id: guid(3), name: 'False equivalence', parentId: guid(1), order: 1, inclusion: 'Two unlike things treated as alike.' }),
    makeCode({ id: guid(4), name: 'Derailing', order: 1, color: '#e6194b' }),
    makeCode({ id: guid(5), name: 'Tone', order: 2 }),
  ];
}

/**
 * Version 2: Derailing renamed to Derailment with a new definition, Whataboutism moved to the top
 * level, Tone removed, Sarcasm added under Fallacy.
 */
export function codebookV2(): Code[] {
  const [fallacy, what, equiv, derail] = codebookV1() as [Code, Code, Code, Code, Code];
  return [
    fallacy,
    { ...what, parentId: null, order: 3 },
    equiv,
    { ...derail, name: 'Derailment', definition: 'Pulls the thread off its subject.' },
    makeCode({ id: guid(6), name: 'Sarcasm', parentId: guid(1), order: 2 }),
  ];
}
