import { useRef, useState } from 'react';

import type { Code } from '@shared/model/records';
import type { CodingTally } from '@shared/project/queries/codebook-reads';

import { useServices } from '../../app/services';
import { CodeEditorDialog } from './CodeEditorDialog';
import { MemoDialog } from '../analysis/memos/MemoDialog';
import type { CodeCommand } from './code-menu-items';
import { CodeTree, type CodeTreeHandle } from './CodeTree';
import { DeleteCodeDialog } from './DeleteCodeDialog';
import { MergeDialog } from './MergeDialog';
import { MoveDialog } from './MoveDialog';
import { problemText } from './problem-text';
import { RenameDialog } from './RenameDialog';
import { SplitDialog } from './SplitDialog';
import { useCodebookActions } from './use-codebook-actions';
import { RelationCodebook } from '../relations/RelationCodebook';

interface Props {
  codes: readonly Code[];
  /** Each code's own codings, all threads: the current coder's with "Only my codings", else all coders'. */
  counts: ReadonlyMap<string, number>;
  /** Each code's codings in all and per coder (the rows' tooltips say them). */
  tallies?: ReadonlyMap<string, CodingTally>;
  onlyMine?: boolean;
  onApply: (code: Code) => void;
}

/** Which dialog is open, and for which code (`add` with the parent the new code goes under). */
type Open = { command: Exclude<CodeCommand, 'add-child'>; codeId: string } | { command: 'add'; parentId: string | null };

/** The codebook: a filterable tree of codes to apply, arrange and edit. */
export function CodebookPanel({ codes, counts, tallies, onlyMine = false, onApply }: Props) {
  const { announce } = useServices();
  const actions = useCodebookActions();
  const [filter, setFilter] = useState('');
  const [open, setOpen] = useState<Open | null>(null);
  const tree = useRef<CodeTreeHandle>(null);
  const code = open && 'codeId' in open ? codes.find((c) => c.id === open.codeId) : undefined;

  const close = (focusId: string | null) => {
    setOpen(null);
    tree.current?.focusCode(focusId);
  };
  const onCommand = (command: CodeCommand, target: Code) =>
    setOpen(command === 'add-child' ? { command: 'add', parentId: target.id } : { command, codeId: target.id });

  return (
    <section className="codebook-panel" aria-labelledby="codebook-title">
      <div className="panel-heading">
        <h2 id="codebook-title">Codebook</h2>
        <button type="button" onClick={() => setOpen({ command: 'add', parentId: null })}>
          Add code
        </button>
      </div>
      <p className="panel-sub">Select text in a post, then click a code or press its key.</p>
      <label htmlFor="code-filter" className="visually-hidden">
        Filter codes
      </label>
      <input id="code-filter" className="code-filter" type="search" placeholder="Filter codes" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <p id="code-tree-keys" className="visually-hidden">
        Arrow keys move between codes, Enter applies one, Alt with the arrows moves it, Shift+F10 opens its actions.
      </p>
      <CodeTree ref={tree} codes={codes} counts={counts} tallies={tallies} onlyMine={onlyMine} filter={filter} describedBy="code-tree-keys" onApply={onApply} onCommand={onCommand} />
      {open?.command === 'add' ? <CodeEditorDialog codes={codes} code={null} parentId={open.parentId} onClose={close} /> : null}
      {open?.command === 'edit' && code ? <CodeEditorDialog codes={codes} code={code} parentId={code.parentId} onClose={close} /> : null}
      {open?.command === 'rename' && code ? <RenameDialog code={code} codes={codes} onClose={close} /> : null}
      {open?.command === 'move' && code ? <MoveDialog code={code} codes={codes} onClose={close} /> : null}
      {open?.command === 'merge' && code ? <MergeDialog source={code} codes={codes} onClose={close} /> : null}
      {open?.command === 'split' && code ? <SplitDialog code={code} codes={codes} onClose={close} /> : null}
      {open?.command === 'memo' && code ? <MemoDialog target={{ kind: 'code', id: code.id }} targetLabel={`the code “${code.name}”`} onClose={() => close(code.id)} /> : null}
      {open?.command === 'delete' && code ? (
        <DeleteCodeDialog
          code={code}
          onCancel={() => close(code.id)}
          onConfirm={async () => {
            const result = await actions.remove(code);
            if (!result.ok) announce(problemText(result.error), 'error');
            close(result.ok ? null : code.id);
          }}
        />
      ) : null}
      <RelationCodebook />
    </section>
  );
}
