import type { Relation, RelationCode } from '@shared/model/records';

export const ARC_GUTTER = 28;

interface Props {
  relations: readonly Relation[];
  codes: ReadonlyMap<string, RelationCode>;
  /** Each post's row top in the feed (measured or estimated), or undefined when it is hidden. */
  topOf: (postId: string) => number | undefined;
  height: number;
}

/**
 * Relations as arcs in a gutter beside the feed: from the source post's row to the target's, an
 * arrowhead at the target, in the relation code's colour. Decoration only: the labelled links in
 * each post say the same to a screen reader.
 */
export function RelationArcs({ relations, codes, topOf, height }: Props) {
  return (
    <svg className="relation-arcs" width={ARC_GUTTER} height={height} aria-hidden="true" data-testid="relation-arcs">
      {relations.map((r, i) => {
        const a = topOf(r.from.postId);
        const b = topOf(r.to.postId);
        if (a === undefined || b === undefined) return null;
        const y1 = a + 18;
        const y2 = b + 18;
        // Nested arcs: each later relation bulges a little further out.
        const bend = 4 + (i % 4) * 5;
        const color = codes.get(r.relationCodeId)?.color ?? '#666666';
        return (
          <g key={r.id} data-relation-id={r.id}>
            <path d={`M ${ARC_GUTTER} ${y1} C ${bend} ${y1}, ${bend} ${y2}, ${ARC_GUTTER} ${y2}`} fill="none" stroke={color} strokeWidth={1.6} />
            <path d={`M ${ARC_GUTTER - 6} ${y2 - 4} L ${ARC_GUTTER} ${y2} L ${ARC_GUTTER - 6} ${y2 + 4}`} fill="none" stroke={color} strokeWidth={1.6} />
            <circle cx={ARC_GUTTER - 1} cy={y1} r={2.2} fill={color} />
          </g>
        );
      })}
    </svg>
  );
}
