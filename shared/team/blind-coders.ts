/**
 * Blind adjudication: the adjudicator sees "Coder A", "Coder B"… instead of coder names until a
 * disagreement is decided (a majority proposal still to review is not decided), then the names.
 *
 * The letters are drawn per disagreement, in an order shuffled by the disagreement's id: stable
 * (the same disagreement always shows the same letters, whatever the filters or a reload), yet
 * a name revealed on one decided disagreement says nothing about who "Coder A" is on the next.
 * Letters shared across the whole list would be unmasked by the first decision. The columns are
 * shown in letter order, so column position (coders are listed in a fixed order) gives nothing away
 * either; keys 1–9 follow the columns as always.
 */

export interface BlindableCoder {
  coderId: string;
  coderName: string;
}

export interface Blindable<C extends BlindableCoder> {
  id: string;
  coders: readonly C[];
  decision: { proposed: boolean } | null;
}

/** "A" … "Z", "AA", "AB" … like spreadsheet columns. */
export function coderLetter(index: number): string {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}

/** 32-bit FNV-1a: a fixed, platform-independent order key (not a secret). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export const isDecided = (d: Pick<Blindable<BlindableCoder>, 'decision'>): boolean => d.decision !== null && !d.decision.proposed;

/**
 * The disagreement as the adjudicator sees it: coders in a stable shuffled order; while undecided,
 * each named "Coder A", "Coder B"… by that order. Ids and codings are untouched (a decision names
 * coders by id). Returns the same object when there is nothing to hide.
 */
export function blindDisagreement<C extends BlindableCoder, D extends Blindable<C>>(d: D): D {
  const order = d.coders
    .map((coder) => ({ coder, key: fnv1a(`${d.id}\u0000${coder.coderId}`) }))
    .sort((a, b) => a.key - b.key || (a.coder.coderId < b.coder.coderId ? -1 : a.coder.coderId > b.coder.coderId ? 1 : 0))
    .map((entry) => entry.coder);
  const revealed = isDecided(d);
  return { ...d, coders: order.map((coder, i) => (revealed ? coder : { ...coder, coderName: `Coder ${coderLetter(i)}` })) };
}

/** Every disagreement of a list blinded (see blindDisagreement); the list as it is when not blind. */
export function blindDisagreements<C extends BlindableCoder, D extends Blindable<C>>(list: readonly D[], blind: boolean): readonly D[] {
  return blind ? list.map((d) => blindDisagreement<C, D>(d)) : list;
}
