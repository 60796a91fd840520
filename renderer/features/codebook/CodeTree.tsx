import { forwardRef, useCallback, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';

import type { Code } from '@shared/model/records';
import type { CodingTally } from '@shared/project/queries/codebook-reads';

import { useServices } from '../../app/services';
import type { CodebookResult } from '../../db/project-store';
import { CodeActionsMenu } from './CodeActionsMenu';
import { CodeTreeRow, type DropHint } from './CodeTreeRow';
import { displayedCounts, displayedTallies, visibleRows, type TreeRow } from './code-tree-rows';
import { codeMenuItems, type CodeCommand } from './code-menu-items';
import { notApplicableReason } from '@shared/codebook/code-status';
import { dropDestination, dropIntoItself, dropZone } from './drop-target';
import { problemText } from './problem-text';
import { treeCommand } from './tree-keys';
import { useCodebookActions } from './use-codebook-actions';
import { useTreeFocus } from './use-tree-focus';

export interface CodeTreeHandle {
  /** Focuses the code's row (when it appears, for a code just added); null: the tree's current row. */
  focusCode(codeId: string | null): void;
}

interface Props {
  codes: readonly Code[];
  /** Each code's own codings, all coders. */
  counts: ReadonlyMap<string, number>;
  /** Each code's codings in all and per coder, for the rows' tooltips and descriptions. */
  tallies?: ReadonlyMap<string, CodingTally>;
  /** The counts are the current coder's only ("Only my codings"). */
  onlyMine?: boolean;
  filter: string;
  /** Id of the text that explains the tree's keys. */
  describedBy: string;
  onApply: (code: Code) => void;
  onCommand: (command: CodeCommand, code: Code) => void;
}

const DRAG_TYPE = 'application/x-threadmark-code';

/** What a row's handlers do with the tree's state of the last render. */
interface RowActions {
  activate: (row: TreeRow) => void;
  openMenu: (row: TreeRow, button: HTMLElement) => void;
  onDragOver: (row: TreeRow, event: React.DragEvent) => void;
  onDrop: (row: TreeRow, event: React.DragEvent) => void;
}

/**
 * The codebook as a WAI-ARIA tree: arrows walk it, Enter applies the code, Alt+arrows move it,
 * Shift+F10 opens its actions; a click applies, a drag nests or reorders.
 */
export const CodeTree = forwardRef<CodeTreeHandle, Props>(function CodeTree({ codes, counts, tallies, onlyMine = false, filter, describedBy, onApply, onCommand }, ref) {
  const { announce } = useServices();
  const actions = useCodebookActions();
  const list = useRef<HTMLUListElement>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [menu, setMenu] = useState<{ codeId: string; anchor: DOMRect } | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [drop, setDrop] = useState<DropHint | null>(null);
  const rows = useMemo(() => visibleRows(codes, collapsed, filter), [codes, collapsed, filter]);
  const shownCounts = useMemo(() => displayedCounts(codes, counts), [codes, counts]);
  const shownTallies = useMemo(() => (tallies ? displayedTallies(codes, tallies) : null), [codes, tallies]);
  const focus = useTreeFocus(rows, list);
  const { focusCode, inView } = focus;
  useImperativeHandle(ref, () => ({ focusCode }), [focusCode]);

  // Opens the closed ancestors of a code just moved, added or merged into, once it is in `codes`.
  useLayoutEffect(() => {
    const closed = inView === null ? [] : ancestorIds(codes, inView).filter((id) => collapsed.has(id));
    if (closed.length > 0) setCollapsed((prev) => new Set([...prev].filter((id) => !closed.includes(id))));
  }, [codes, collapsed, inView]);

  const setOpen = useCallback((codeId: string, open: boolean) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (open) next.delete(codeId);
      else next.add(codeId);
      return next;
    });
  }, []);

  const apply = (code: Code) => {
    const reason = notApplicableReason(code);
    if (reason) announce(reason, 'error');
    else onApply(code);
  };

  const moveResult = (result: CodebookResult) => {
    if (!result.ok) announce(problemText(result.error), 'error');
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') !== 'treeitem') return;
    focus.forgetPending();
    const index = rows.findIndex((r) => r.code.id === target.dataset.codeId);
    const row = rows[index];
    const command = row ? treeCommand(rows, index, event) : null;
    if (!row || !command) return;
    event.preventDefault();
    switch (command.kind) {
      case 'focus': {
        const next = rows[command.index];
        if (next) focusCode(next.code.id);
        break;
      }
      case 'expand':
      case 'collapse':
        setOpen(command.codeId, command.kind === 'expand');
        break;
      case 'move':
        focus.keepInView(row.code.id);
        void actions.moveByKey(row.code, command.move).then(moveResult);
        break;
      case 'apply':
        apply(row.code);
        break;
      case 'menu':
        setMenu({ codeId: row.code.id, anchor: (target.querySelector('.code-node-actions') ?? target).getBoundingClientRect() });
        break;
      case 'rename':
      case 'delete':
        onCommand(command.kind, row.code);
        break;
    }
  };

  const onDragOver = (row: TreeRow, event: React.DragEvent) => {
    if (dragged === null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const box = event.currentTarget.getBoundingClientRect();
    const zone = dropZone(event.clientY - box.top, box.height);
    const hint = { codeId: row.code.id, zone, refused: dropIntoItself(codes, dragged, row, zone) };
    if (drop?.codeId !== hint.codeId || drop.zone !== hint.zone || drop.refused !== hint.refused) setDrop(hint);
  };

  const onDrop = (row: TreeRow, event: React.DragEvent) => {
    const code = codes.find((c) => c.id === dragged);
    setDrop(null);
    setDragged(null);
    if (!code) return;
    event.preventDefault();
    const box = event.currentTarget.getBoundingClientRect();
    const { parentId, index } = dropDestination(codes, code.id, row, dropZone(event.clientY - box.top, box.height));
    focus.keepInView(code.id);
    void actions.move(code, parentId, index).then(moveResult);
  };

  // The rows' handlers read this render's state through a ref, so they keep one identity and the
  // memoized rows skip a render when only another row (or a count elsewhere) changed: a coding
  // re-renders the one row whose count moved, not the whole codebook.
  const latest = useRef<RowActions | null>(null);
  useLayoutEffect(() => {
    latest.current = {
      onDragOver,
      onDrop,
      activate: (r) => {
        focus.setActiveId(r.code.id);
        if (!r.code.codable && r.hasChildren) setOpen(r.code.id, !r.expanded);
        else apply(r.code);
      },
      openMenu: (r, button) => setMenu(menu?.codeId === r.code.id ? null : { codeId: r.code.id, anchor: button.getBoundingClientRect() }),
    };
  });
  const rowHandlers = useMemo(
    () => ({
      onActivate: (r: TreeRow) => latest.current?.activate(r),
      onToggle: (r: TreeRow) => setOpen(r.code.id, !r.expanded),
      onOpenMenu: (r: TreeRow, button: HTMLElement) => latest.current?.openMenu(r, button),
      onDragStart: (r: TreeRow, e: React.DragEvent) => {
        e.dataTransfer.setData(DRAG_TYPE, r.code.id);
        e.dataTransfer.effectAllowed = 'move';
        setDragged(r.code.id);
      },
      onDragOver: (r: TreeRow, e: React.DragEvent) => latest.current?.onDragOver(r, e),
      onDrop: (r: TreeRow, e: React.DragEvent) => latest.current?.onDrop(r, e),
      onDragEnd: () => {
        setDragged(null);
        setDrop(null);
      },
    }),
    [setOpen],
  );

  const menuCode = menu ? codes.find((c) => c.id === menu.codeId) : undefined;
  return (
    <>
      <ul
        ref={list}
        className="codebook-tree"
        role="tree"
        aria-label="Codes"
        aria-describedby={describedBy}
        onKeyDown={onKeyDown}
        onFocus={focus.onFocus}
        onBlur={focus.onBlur}
        onDragLeave={(e) => {
          if (!list.current?.contains(e.relatedTarget as Node | null)) setDrop(null);
        }}
      >
        {rows.map((row) => (
          <CodeTreeRow
            key={row.code.id}
            row={row}
            count={shownCounts.get(row.code.id) ?? 0}
            tally={shownTallies?.get(row.code.id)}
            onlyMine={onlyMine}
            tabStop={row.code.id === focus.activeId}
            menuOpen={menu?.codeId === row.code.id}
            drop={drop?.codeId === row.code.id ? drop : null}
            {...rowHandlers}
          />
        ))}
      </ul>
      {rows.length === 0 ? <p className="empty">{filter.trim() ? `No code name contains “${filter.trim()}”.` : 'No codes yet. Add one to start coding.'}</p> : null}
      {menu && menuCode ? (
        <CodeActionsMenu
          label={`Actions for ${menuCode.name}`}
          anchor={menu.anchor}
          items={codeMenuItems(menuCode, counts.get(menuCode.id) ?? 0, (command) => onCommand(command, menuCode))}
          onClose={(refocus) => {
            setMenu(null);
            if (refocus) focusCode(menuCode.id);
          }}
        />
      ) : null}
    </>
  );
});

/** The codes above `codeId`, nearest first (a parent cycle stops the walk). */
function ancestorIds(codes: readonly Code[], codeId: string): string[] {
  const parentOf = new Map(codes.map((c) => [c.id, c.parentId]));
  const out: string[] = [];
  for (let at = parentOf.get(codeId) ?? null; at !== null && !out.includes(at); at = parentOf.get(at) ?? null) out.push(at);
  return out;
}
