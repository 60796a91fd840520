/**
 * Numbers as every readable report shows them: three decimals, as `threadmark agree` prints them
 * (cli/commands/agree-bundles.ts `fixed`), so the view, the HTML report and the CLI read alike.
 */

/** toFixed keeps a sign on values that round to zero ("-0.000"); a reader should see 0.000. */
export function formatValue(value: number): string {
  const text = value.toFixed(3);
  return text === '-0.000' ? '0.000' : text;
}

/** "[0.612, 0.873]", as a paper writes a confidence interval. */
export function formatInterval(low: number, high: number): string {
  return `[${formatValue(low)}, ${formatValue(high)}]`;
}

/** 0.5 → "50%", 1/3 → "33%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}
