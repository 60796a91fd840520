import { memo } from 'react';

import { describeTally, type CodingTally } from '@shared/project/queries/codebook-reads';

import type { TreeRow } from './code-tree-rows';
import { notApplicableReason } from '@shared/codebook/code-status';
import type { DropZone } from './drop-target';
import { Isolated } from '../../app/ui/Isolated';

export interface DropHint {
  codeId: string;
  zone: DropZone;
  /** The drop would put the code inside itself: the move will be refused. */
  refused: boolean;
}

interface Props {
  row: TreeRow;
  /** The codings shown: the current coder's with "Only my codings", else all coders'. */
  count: number;
  /** All coders' codings and each one's share. */
  tally?: CodingTally;
  onlyMine?: boolean;
  tabStop: boolean;
  menuOpen: boolean;
  drop: DropHint | null;
  onActivate: (row: TreeRow) => void;
  onToggle: (row: TreeRow) => void;
  onOpenMenu: (row: TreeRow, button: HTMLElement) => void;
  onDragStart: (row: TreeRow, event: React.DragEvent) => void;
  onDragOver: (row: TreeRow, event: React.DragEvent) => void;
  onDrop: (row: TreeRow, event: React.DragEvent) => void;
  onDragEnd: () => void;
}

/** One code in the tree: swatch, name, markers, shortcut, count, and its actions button. */
/**
 * Memoized: a coding hands the tree new counts and tallies, and only the rows whose figures moved
 * render again (a tally is compared by its figures, not its identity: the tallies are recomputed).
 */
export const CodeTreeRow = memo(CodeTreeRowView, sameRowProps);

/** The props are the same but for tallies equal in content. */
export function sameRowProps(a: Props, b: Props): boolean {
  for (const key of Object.keys({ ...a, ...b }) as (keyof Props)[]) {
    if (key === 'tally' ? !sameTally(a.tally, b.tally) : !Object.is(a[key], b[key])) return false;
  }
  return true;
}

function sameTally(a: CodingTally | undefined, b: CodingTally | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.total !== b.total || a.byCoder.length !== b.byCoder.length) return false;
  return a.byCoder.every((c, i) => {
    const d = b.byCoder[i]!;
    return c.coderId === d.coderId && c.name === d.name && c.count === d.count;
  });
}

function CodeTreeRowView({ row, count, tally, onlyMine = false, tabStop, menuOpen, drop, onActivate, onToggle, onOpenMenu, onDragStart, onDragOver, onDrop, onDragEnd }: Props) {
  const { code } = row;
  const reason = notApplicableReason(code);
  const nameId = `code-name-${code.id}`;
  const descId = `code-desc-${code.id}`;
  const counted = `${count} ${onlyMine ? 'of your ' : ''}${count === 1 ? 'coding' : 'codings'}`;
  const countText = code.codable ? counted : `${counted} in its sub-codes`;
  // The total and each coder's share: "12 codings: Ada 7, Ben 5".
  const tallyText = tally && (onlyMine || tally.byCoder.length > 0) ? `All coders: ${describeTally(tally)}.` : '';
  // A category's or retired code's key does nothing, so it is neither shown nor told.
  const key = code.shortcut && !reason ? code.shortcut.toUpperCase() : null;
  const description = [`${countText}.`, key ? `Key ${key}.` : '', reason ?? '', tallyText].filter(Boolean).join(' ');
  return (
    <li
      role="treeitem"
      className="code-node"
      data-code-id={code.id}
      data-category={!code.codable || undefined}
      data-retired={code.retired || undefined}
      data-context={!row.matches || undefined}
      data-drop={drop ? (drop.refused ? 'refused' : drop.zone) : undefined}
      aria-level={row.level}
      aria-posinset={row.posInSet}
      aria-setsize={row.setSize}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      aria-labelledby={nameId}
      aria-describedby={descId}
      aria-keyshortcuts={key ?? undefined}
      tabIndex={tabStop ? 0 : -1}
      title={[reason ?? code.definition, tallyText].filter(Boolean).join('\n') || undefined}
      draggable
      style={{ '--depth': row.level - 1 } as React.CSSProperties}
      onClick={() => onActivate(row)}
      onDragStart={(e) => onDragStart(row, e)}
      onDragOver={(e) => onDragOver(row, e)}
      onDrop={(e) => onDrop(row, e)}
      onDragEnd={onDragEnd}
    >
      <span
        className="code-node-twisty"
        aria-hidden="true"
        onClick={(e) => {
          e.stopPropagation();
          if (row.hasChildren) onToggle(row);
        }}
      >
        {row.hasChildren ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      <span className="swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
      <span className="code-node-name" id={nameId}>
        <Isolated>{code.name}</Isolated>
        {code.retired ? ' (retired)' : ''}
      </span>
      {!code.codable ? (
        <span className="code-node-badge" aria-hidden="true">
          category
        </span>
      ) : null}
      {key ? <kbd aria-hidden="true">{key}</kbd> : null}
      <span className="code-node-count" aria-hidden="true" data-only-mine={onlyMine || undefined}>
        {count}
      </span>
      <span id={descId} className="visually-hidden">
        {description}
      </span>
      <button
        type="button"
        className="code-node-actions"
        tabIndex={-1}
        aria-label={`Actions for ${code.name}`}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        title="Actions (Shift+F10)"
        onMouseDown={(e) => {
          // Keeps the text selection, and keeps an open menu from closing and reopening at once.
          e.preventDefault();
          e.stopPropagation();
        }}
        onClick={(e) => {
          e.stopPropagation();
          onOpenMenu(row, e.currentTarget);
        }}
      >
        ⋯
      </button>
    </li>
  );
}
