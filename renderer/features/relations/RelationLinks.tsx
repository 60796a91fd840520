import type { RelationLink } from './relation-links';
import './relations.css';

interface Props {
  links: readonly RelationLink[];
  onOpen: (relationId: string) => void;
}

/** A post's relations as labelled links; each opens the relation (memo, go to the other end, remove). */
export function RelationLinks({ links, onOpen }: Props) {
  if (links.length === 0) return null;
  return (
    <ul className="relation-links" aria-label="Relations">
      {links.map((link) => (
        <li key={`${link.relationId}-${link.direction}`}>
          <button
            type="button"
            tabIndex={-1}
            className="relation-link"
            data-direction={link.direction}
            style={{ borderColor: link.color }}
            title={link.memo || undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onOpen(link.relationId)}
          >
            <span className="swatch" style={{ backgroundColor: link.color }} aria-hidden="true" />
            {link.label}
            {link.memo ? <span className="relation-memo-mark" aria-label=", has a memo"> ✎</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
