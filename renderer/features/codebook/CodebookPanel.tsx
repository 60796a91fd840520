import { useState } from 'react';

import { sortCodesAsTree } from '@shared/codebook/code-path';
import type { Code } from '@shared/model/records';

import { CodeForm, type CodeDraft } from './CodeForm';
import { DeleteCodeDialog } from './DeleteCodeDialog';
import { useCodebookActions } from './use-codebook-actions';

interface Props {
  codes: readonly Code[];
  /** Coding counts per code id (all coders, all threads). */
  counts: ReadonlyMap<string, number>;
  /** The codes keys 1–9 apply, in order. */
  shortcutCodes: readonly Code[];
  onApply: (code: Code) => void;
}

/** The codebook: apply a code to the selection, and add, rename, recolour, describe or delete codes. */
export function CodebookPanel({ codes, counts, shortcutCodes, onApply }: Props) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Code | null>(null);
  const actions = useCodebookActions();
  const rows = sortCodesAsTree(codes);

  return (
    <section className="codebook-panel" aria-labelledby="codebook-title">
      <div className="panel-heading">
        <h2 id="codebook-title">Codebook</h2>
        <button type="button" onClick={() => setAdding(true)} disabled={adding}>
          Add code
        </button>
      </div>
      <p className="panel-sub">Select text in a post, then click a code or press its key.</p>
      {adding ? (
        <CodeForm
          title="New code"
          initial={{ name: '', color: nextColor(codes), definition: '' }}
          onCancel={() => setAdding(false)}
          onSubmit={async (draft: CodeDraft) => {
            if (await actions.add(draft)) setAdding(false);
          }}
        />
      ) : null}
      <ul className="code-list">
        {rows.map(({ code, depth }) => {
          const shortcut = shortcutCodes.indexOf(code) + 1;
          return (
            <li key={code.id} className="code-row" style={{ paddingInlineStart: `${depth * 1}rem` }}>
              {editingId === code.id ? (
                <CodeForm
                  title={`Edit ${code.name}`}
                  initial={{ name: code.name, color: code.color, definition: code.definition }}
                  onCancel={() => setEditingId(null)}
                  onSubmit={async (draft) => {
                    if (await actions.update(code, draft)) setEditingId(null);
                  }}
                />
              ) : (
                <>
                  <button
                    type="button"
                    className="code-apply"
                    title={code.definition}
                    aria-keyshortcuts={shortcut > 0 ? String(shortcut) : undefined}
                    // Keep the text selection: pressing the button must not collapse it.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => onApply(code)}
                  >
                    <span className="swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
                    <span className="code-name">{code.name}</span>
                    {shortcut > 0 ? <kbd aria-hidden="true">{shortcut}</kbd> : null}
                    <span className="code-count" title="Codings with this code, all coders" aria-label={`${counts.get(code.id) ?? 0} codings`}>
                      {counts.get(code.id) ?? 0}
                    </span>
                  </button>
                  <div className="code-tools">
                    <button type="button" aria-label={`Edit code ${code.name}`} onClick={() => setEditingId(code.id)}>
                      Edit
                    </button>
                    <button type="button" aria-label={`Delete code ${code.name}`} className="danger" onClick={() => setDeleting(code)}>
                      Delete
                    </button>
                  </div>
                  {code.definition ? <p className="code-description">{code.definition}</p> : null}
                </>
              )}
            </li>
          );
        })}
      </ul>
      {deleting ? (
        <DeleteCodeDialog
          code={deleting}
          onCancel={() => setDeleting(null)}
          onConfirm={async () => {
            await actions.remove(deleting);
            setDeleting(null);
          }}
        />
      ) : null}
    </section>
  );
}

const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45', '#469990', '#9a6324'];

function nextColor(codes: readonly Code[]): string {
  const used = new Set(codes.map((c) => c.color.toLowerCase()));
  return PALETTE.find((c) => !used.has(c)) ?? PALETTE[codes.length % PALETTE.length] ?? '#4363d8';
}

