/** One coefficient's outcome: a finite number, or the reason it is undefined for these data. */
export type CoefficientResult = { value: number } | { reason: string };

export const defined = (value: number): CoefficientResult =>
  // A non-finite result means the inputs overflowed; reporting it as a number would be a lie.
  Number.isFinite(value) ? { value } : { reason: 'not computable in floating point (values too large)' };

export const undefinedBecause = (reason: string): CoefficientResult => ({ reason });
