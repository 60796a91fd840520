import type { CSSProperties } from 'react';
import { Isolated } from '../../../app/ui/Isolated';

interface Props {
  name: string;
  path: string;
  color: string;
  /** Indents a sub-code under its parent (the tables' `--depth`). */
  depth: number;
}

/** A table row's header naming its code: the colour swatch, the name, the full path on hover. */
export function CodeRowHeader({ name, path, color, depth }: Props) {
  return (
    <th scope="row" title={path} style={{ '--depth': depth } as CSSProperties}>
      <span className="swatch" style={{ backgroundColor: color }} aria-hidden="true" />
      <Isolated>{name}</Isolated>
    </th>
  );
}
