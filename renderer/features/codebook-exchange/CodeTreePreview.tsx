import { sortCodesAsTree } from '@shared/codebook/code-path';
import type { Code } from '@shared/model/records';

interface Props {
  codes: readonly Code[];
  label: string;
}

interface Node {
  code: Code;
  children: Node[];
}

/** Codes as nested lists (a screen reader announces each level), parents before children. */
export function CodeTreePreview({ codes, label }: Props) {
  return (
    <div className="code-tree-preview" role="region" aria-label={label} tabIndex={0}>
      <CodeList nodes={buildTree(codes)} />
    </div>
  );
}

function CodeList({ nodes }: { nodes: readonly Node[] }) {
  return (
    <ul>
      {nodes.map(({ code, children }) => (
        <li key={code.id}>
          <span className="code-tree-name">
            <span className="swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
            {code.name}
            {code.codable ? null : <span className="muted"> (category)</span>}
          </span>
          {code.definition ? <span className="code-tree-definition">{code.definition}</span> : null}
          {children.length > 0 ? <CodeList nodes={children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The tree from sortCodesAsTree's depth-first rows: each row hangs under the last row one level up. */
function buildTree(codes: readonly Code[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const { code, depth } of sortCodesAsTree(codes)) {
    const node: Node = { code, children: [] };
    stack.length = depth;
    (depth === 0 ? roots : stack[depth - 1]!.children).push(node);
    stack.push(node);
  }
  return roots;
}
