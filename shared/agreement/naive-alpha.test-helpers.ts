/**
 * Krippendorff's α computed the slow, literal way (Krippendorff 2011): a full coincidence
 * matrix from every ordered pair of values within each unit, weighted 1/(m_u − 1), and δ² exactly as
 * printed, the ordinal one as a sum over the categories between c and k. It shares no code with the
 * engine, so agreement between the two checks the engine's algebra.
 */
import type { AlphaLevel } from './alpha-metric';
import type { ReliabilityData } from './reliability-data';

export function naiveAlpha(data: ReliabilityData, level: AlphaLevel): number {
  const values = [...new Set(data.values.flat().filter((v) => v !== null))].sort((a, b) => (a as number) - (b as number));
  const index = new Map(values.map((v, i) => [v, i]));
  const q = values.length;
  const o = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  for (const row of data.values) {
    const present = row.filter((v) => v !== null);
    const m = present.length;
    if (m < 2) continue;
    present.forEach((a, i) =>
      present.forEach((b, j) => {
        if (i !== j) o[index.get(a)!]![index.get(b)!]! += 1 / (m - 1);
      }),
    );
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  const delta = (c: number, k: number): number => {
    const a = values[c] as number;
    const b = values[k] as number;
    switch (level) {
      case 'nominal':
        return c === k ? 0 : 1;
      case 'interval':
        return (a - b) ** 2;
      case 'ratio':
        return c === k ? 0 : ((a - b) / (a + b)) ** 2;
      case 'ordinal': {
        const [lo, hi] = c <= k ? [c, k] : [k, c];
        let sum = 0;
        for (let g = lo; g <= hi; g++) sum += nc[g]!;
        return (sum - (nc[c]! + nc[k]!) / 2) ** 2;
      }
    }
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < q; c++) {
    for (let k = 0; k < q; k++) {
      observed += o[c]![k]! * delta(c, k);
      expected += nc[c]! * nc[k]! * delta(c, k);
    }
  }
  return 1 - (n - 1) * (observed / expected);
}
