/** Figures as the tab shows them: counts grouped, Jaccard to three places, – where undefined. */
export function formatFigure(value: number | null, ratio = false): string {
  if (value === null) return '–';
  return ratio ? value.toFixed(3) : value.toLocaleString('en-US');
}
