import type { RelationLink } from './relation-links';
import './relations.css';

interface Props {
  links: readonly RelationLink[];
  onJump: (postId: string) => void;
  onOpen: (relationId: string) => void;
}

/** In the context rail: the focused post's relations, each a jump to its other end, with its memo. */
export function RailRelations({ links, onJump, onOpen }: Props) {
  return (
    <section className="rail-relations" aria-label="Relations of this post">
      <h3>Relations</h3>
      <ul>
        {links.map((link) => (
          <li key={`${link.relationId}-${link.direction}`}>
            <button type="button" onClick={() => onJump(link.otherPostId)}>
              <span className="swatch" style={{ backgroundColor: link.color }} aria-hidden="true" /> {link.label}
            </button>
            {link.memo ? <span className="relation-rail-memo"> — {link.memo}</span> : null}{' '}
            <button type="button" onClick={() => onOpen(link.relationId)} aria-label={`Open the relation: ${link.label}`}>
              Open
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
