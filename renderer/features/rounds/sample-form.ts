/**
 * The Reliability sample dialog's logic, apart from React: the pool the core draws from (in the
 * core's order, so the count shown is the count drawn), what is eligible, a new seed, and the form
 * turned into `startRound`'s input or the sentence that says what is missing.
 */
import { CONSENSUS_CODER_ID, type Coder, type Round, type SampleSpec } from '@shared/model/records';
import type { ProjectReader } from '@shared/project/project-store';
import type { StartRoundInput } from '@shared/project/operations/rounds';
import { isPlaceholder } from '@shared/project/queries/agreement-input';
import { byImportThenId } from '@shared/project/record-order';
import { drawSample, isSampleable, type SamplePost } from '@shared/team/sample';
import { err, ok, type Result } from '@shared/util/result';

/** Every post as the sample sees it: threads by import time, each in reading order (startRound's pool order). */
export async function samplePool(reader: ProjectReader): Promise<SamplePost[]> {
  const threads = [...(await reader.threads())].sort(byImportThenId);
  const posts = (await Promise.all(threads.map((t) => reader.postsOfThread(t.id)))).flat();
  return posts.map((p) => ({ id: p.id, threadId: p.threadId, platform: p.platform, text: p.text, placeholder: isPlaceholder(p) }));
}

/** The coders a round can have: everyone but the consensus layer, by name. */
export const roundCoders = (coders: readonly Coder[]): Coder[] => coders.filter((c) => c.id !== CONSENSUS_CODER_ID);

export type SampleMode = 'sample' | 'threads';
export type Stratify = 'none' | 'thread' | 'platform';

export interface SampleForm {
  name: string;
  coderIds: ReadonlySet<string>;
  mode: SampleMode;
  /** The threads coded (mode threads) or drawn from (mode sample). */
  threadIds: ReadonlySet<string>;
  /** As typed. */
  size: string;
  unit: SampleSpec['unit'];
  stratify: Stratify;
  seed: string;
  instructions: string;
}

export interface Eligible {
  posts: number;
  threads: number;
}

/** Codable posts (no placeholder, some text) of the chosen threads, and how many threads hold them. */
export function eligibleIn(pool: readonly SamplePost[], threadIds: ReadonlySet<string>): Eligible {
  const posts = pool.filter((p) => threadIds.has(p.threadId) && isSampleable(p));
  return { posts: posts.length, threads: new Set(posts.map((p) => p.threadId)).size };
}

/** A whole number typed in a field, or null. */
const wholeNumber = (text: string): number | null => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : null);

/** The spec the form describes, or what is wrong with it. */
export function sampleSpec(form: Pick<SampleForm, 'size' | 'unit' | 'stratify' | 'seed'>): Result<SampleSpec, string> {
  const size = wholeNumber(form.size);
  if (size === null || size < 1 || !Number.isSafeInteger(size)) return err('The sample size is a whole number of 1 or more.');
  const seed = wholeNumber(form.seed);
  if (seed === null || !Number.isSafeInteger(seed)) return err('The seed is a whole number (the same seed draws the same sample).');
  return ok({ unit: form.unit, size, seed, stratifyBy: form.stratify === 'none' ? null : form.stratify });
}

/** The posts the form would draw (the core draws the same from the same pool), or null while the spec is incomplete. */
export function previewDraw(pool: readonly SamplePost[], form: SampleForm): string[] | null {
  const spec = sampleSpec(form);
  if (!spec.ok) return null;
  return drawSample(
    pool.filter((p) => form.threadIds.has(p.threadId)),
    spec.value,
  );
}

/** `startRound`'s input, or the first thing missing, as a sentence. */
export function roundInput(form: SampleForm): Result<StartRoundInput, string> {
  if (form.coderIds.size === 0) return err('Choose at least one coder (or add one by name).');
  if (form.threadIds.size === 0) return err(form.mode === 'threads' ? 'Choose at least one thread.' : 'Choose at least one thread to draw from.');
  const base = { coderIds: [...form.coderIds], instructions: form.instructions.trim(), ...(form.name.trim() ? { name: form.name.trim() } : {}) };
  if (form.mode === 'threads') return ok({ ...base, selection: { kind: 'threads', threadIds: [...form.threadIds] } });
  const spec = sampleSpec(form);
  if (!spec.ok) return spec;
  return ok({ ...base, selection: { kind: 'sample', spec: spec.value, threadIds: [...form.threadIds] } });
}

/** The name a new round gets when none is typed: "Round N". */
export const nextRoundName = (rounds: readonly Pick<Round, 'number'>[]): string => `Round ${rounds.reduce((max, r) => Math.max(max, r.number), 0) + 1}`;

/** A fresh seed: a whole number short enough to note in a methods section. */
export function newSeed(random: () => number = Math.random): number {
  return 1 + Math.floor(random() * 99_999);
}
