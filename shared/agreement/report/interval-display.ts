import type { BootstrapInterval } from '../reliability-data';
import { formatValue } from './format';

/**
 * Below this many pairable units a bootstrap interval is not shown. With a handful of units the
 * replicates can only take a few values, and the "interval" is an artefact of the resampling
 * (four units in perfect agreement give [0, 1], two give [−1, 0]), not a statement about α.
 * A floor, not a guarantee: ten units still make a wide interval, which is then shown as such.
 */
export const MIN_UNITS_FOR_INTERVAL = 10;

/** What a report shows for an interval that was asked for: the interval, or why there is none. */
export type ShownInterval = { interval: BootstrapInterval; note: null } | { interval: null; note: string };

/**
 * Decides whether a bootstrap interval can be shown as one. None is shown — and the note says
 * why — when α is undefined (the bootstrap returned nothing), when there are fewer than
 * MIN_UNITS_FOR_INTERVAL pairable units, when a bound is not a finite number, and when the
 * interval has no width (every replicate between the percentiles is the same α: the data vary too
 * little to say how uncertain α is). A report never prints "[NaN, NaN]" or "[1.000, 1.000]".
 */
export function shownInterval(
  interval: BootstrapInterval | null,
  context: { pairableUnits: number | null; valueReason?: string | null },
): ShownInterval {
  if (interval === null) {
    // α's own reason is beside it (the value's note); repeating it here would make two notes of one fact.
    const why = context.valueReason ? 'α is not defined' : 'the bootstrap could not resample these data';
    return { interval: null, note: `No interval: ${why}.` };
  }
  const units = context.pairableUnits;
  if (units !== null && units < MIN_UNITS_FOR_INTERVAL) {
    return {
      interval: null,
      note: `No interval: ${units} pairable ${units === 1 ? 'unit is' : 'units are'} too few to bootstrap α (at least ${MIN_UNITS_FOR_INTERVAL} are needed).`,
    };
  }
  if (!Number.isFinite(interval.low) || !Number.isFinite(interval.high)) {
    return { interval: null, note: 'No interval: the bootstrap gave no finite value of α.' };
  }
  if (interval.low === interval.high) {
    return {
      interval: null,
      note: `No interval: every bootstrap replicate between the percentiles is α = ${formatValue(interval.low)}; the data vary too little to show how uncertain α is.`,
    };
  }
  return { interval, note: null };
}
