/**
 * The fuzz suite's shared parts (docs/formats.md, "Limits"): hostile edits of valid files, a fixed
 * seed so a failure replays the same way everywhere, a time budget per property so the whole suite
 * stays near 30 s in CI, and the one assertion every reader must meet: refused with a message, or
 * parsed; never a throw of another kind (fast-check reports it with the input that caused it) and
 * never a hang (the test's timeout fails it).
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Issue 14. Change it only to explore; a failure prints the seed and path that replay it. */
export const FUZZ_SEED = 14;

/** Per property (25 of them: at most 30 s in all): runs stop here, not as a failure, so a loaded machine runs fewer. */
export const FUZZ_BUDGET_MS = 1_200;

/** A hang is one parse that never returns: far past the budget, the test fails on its timeout. */
export const FUZZ_TEST_TIMEOUT_MS = 20_000;

export function fuzzParameters<T>(numRuns = 300): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns, interruptAfterTimeLimit: FUZZ_BUDGET_MS, markInterruptAsFailure: false, endOnFailure: true };
}

// What breaks parsers: structure of every format, characters XML and Unicode forbid, entities,
// numbers JSON cannot hold exactly, keys that reach prototypes, bidi overrides, a BOM mid-file.
const HOSTILE = [
  '"', '\\', '{', '}', '[', ']', ',', ':', ';', '\t', '\n', '\r', '\r\n', '""', '"\n"',
  '\u0000', '\uD800', '\uDC00', '\uD83D\uDE00', '\uFEFF', '\u202E', '\u2028',
  '&#0;', '&#xD800;', '&#x110000;', '&amp;', '&lt;', '&bogus;', '<', '>', '</', '/>', '<Code ', '<Code>', '</Code>', '<!DOCTYPE x [<!ENTITY a "b">]>', '<![CDATA[', ']]>', '<!--', '-->', '<?x?>',
  '"__proto__"', '"constructor"', '"id"', 'null', 'true', '-0', '1e999', '9007199254740993', '-1', '0.5', 'NaN',
  '"id": "x", "id": "y"', '{}', '[]', '[[[[[[[[', ']]]]]]]]', '{"a":{"a":{"a":',
];

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'copy'; from: number; length: number; at: number };

const piece = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 }));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: piece }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), length: fc.integer({ min: 1, max: 200 }), at: fc.nat() }) },
);

function apply(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + e.length);
    else {
      const from = e.from % (out.length + 1);
      out = out.slice(0, at) + out.slice(from, from + e.length) + out.slice(at);
    }
  }
  return out;
}

/** A valid file of the format, then one to six hostile edits: inputs that get past the first checks. */
export function mutationsOf(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([seed, edits]) => apply(seed, edits));
}

/** Bytes: the text's UTF-8, then bytes flipped and cut (invalid UTF-8, a broken zip). */
export function byteMutationsOf(seeds: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const flip = fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) });
  return fc.tuple(fc.constantFrom(...seeds), fc.array(flip, { minLength: 1, maxLength: 8 }), fc.option(fc.nat(), { nil: undefined })).map(([seed, flips, cut]) => {
    const bytes = seed.slice();
    for (const { at, value } of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
    return cut === undefined ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
  });
}

type Refusal = { message: string } | string;

/** Parsed, or refused with at least one problem, each with a message to show. */
export function expectParsedOrRefused(result: { ok: true } | { ok: false; error: Refusal | readonly Refusal[] }): void {
  if (result.ok) return;
  const problems: readonly Refusal[] = Array.isArray(result.error) ? result.error : [result.error as Refusal];
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    const message = typeof problem === 'string' ? problem : problem.message;
    expect(typeof message).toBe('string');
    expect(message.trim()).not.toBe('');
  }
}
