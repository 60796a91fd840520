import type { Problem } from '@shared/problem/problem';
import { useEffect, useId, useMemo, useState } from 'react';

import { codePath, sortCodesAsTree } from '@shared/codebook/code-path';
import type { Code } from '@shared/model/records';

import { Dialog } from '../../app/ui/Dialog';
import { blankDraft, draftFields, draftOf, draftPreview, type CodeDraft } from './code-draft';
import { nextColor } from './code-palette';
import { ExamplesField } from './ExamplesField';
import { ExemplarsList } from './ExemplarsList';
import { errorProps, FieldError } from './FieldError';
import { problemText } from './problem-text';
import { shortcutProblem } from './shortcut-keys';
import { useCodebookActions } from './use-codebook-actions';

interface Props {
  codes: readonly Code[];
  /** The code to edit, as stored now (its exemplars stay live); null adds a code. */
  code: Code | null;
  /** Where a new code goes (null: top level); the researcher can change it. */
  parentId: string | null;
  /** `codeId`: the code to focus in the tree afterwards. */
  onClose: (codeId: string | null) => void;
}

const TEXT_FIELDS = ['definition', 'inclusion', 'exclusion'] as const;
const TEXT_LABELS = { definition: 'Definition', inclusion: 'Inclusion criteria (when to apply it)', exclusion: 'Exclusion criteria (when not to, and what to use instead)' };

/** Adds or edits a code: every field of the codebook entry; the repository's refusals show next to their field. */
export function CodeEditorDialog({ codes, code, parentId: initialParent, onClose }: Props) {
  const actions = useCodebookActions();
  const id = useId();
  const [draft, setDraft] = useState<CodeDraft>(() => (code ? draftOf(code) : blankDraft(nextColor(codes))));
  // The code as the editor opened it: only what the researcher changes from it is saved, and a
  // field changed elsewhere meanwhile is refused rather than overwritten.
  const [loaded] = useState(code);
  const [parentId, setParentId] = useState(initialParent);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldId = (field: string) => `${id}-${field}`;
  const errorOf = (field: string) => (problem?.field === field ? problem.message : null);
  const shown = new Set(['name', 'color', ...TEXT_FIELDS, 'examples', 'shortcut', 'codable', 'retired', ...(code ? [] : ['parentId'])]);
  const general = problem && !shown.has(problem.field ?? '') ? problemText(problem) : null;
  const preview = draftPreview(draft, code, parentId, codes, loaded ?? undefined);
  const places = useMemo(() => sortCodesAsTree(codes).map(({ code: c }) => ({ id: c.id, path: codePath(codes, c.id) })), [codes]);
  const title = code ? `Edit “${code.name}”` : 'New code';

  useEffect(() => {
    if (problem) document.getElementById(fieldId(problem.field !== undefined && shown.has(problem.field) ? problem.field : 'general'))?.focus();
    // Only when a new problem arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [problem]);

  const set = <K extends keyof CodeDraft>(key: K, value: CodeDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async () => {
    const keyChanged = draft.shortcut.trim().toLowerCase() !== (code?.shortcut ?? '');
    const keyProblem = keyChanged ? shortcutProblem(draft.shortcut, code?.id ?? null, codes) : null;
    if (keyProblem) return setProblem({ record: title, field: 'shortcut', message: keyProblem });
    setSaving(true);
    const result = code ? await actions.update(code, draftFields(draft), loaded ?? undefined) : await actions.add({ ...draftFields(draft), parentId });
    setSaving(false);
    if (!result.ok) return setProblem(result.error);
    onClose(code?.id ?? result.value.codes[0]?.after?.id ?? null);
  };

  return (
    <Dialog
      as="form"
      wide
      labelledBy={`${id}-title`}
      onCancel={() => onClose(code?.id ?? null)}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="code-editor">
        <h2 id={`${id}-title`}>{title}</h2>
        {general ? (
          <p id={fieldId('general')} className="field-error" role="alert" tabIndex={-1}>
            {general}
          </p>
        ) : null}
        <div className="editor-row">
          <div className="editor-grow">
            <label htmlFor={fieldId('name')}>Name</label>
            <input id={fieldId('name')} value={draft.name} autoFocus required maxLength={200} onChange={(e) => set('name', e.target.value)} {...errorProps(`${fieldId('name')}-error`, errorOf('name'))} />
            <FieldError id={`${fieldId('name')}-error`} message={errorOf('name')} />
          </div>
          <div>
            <label htmlFor={fieldId('color')}>Colour</label>
            <input id={fieldId('color')} type="color" value={draft.color} onChange={(e) => set('color', e.target.value)} {...errorProps(`${fieldId('color')}-error`, errorOf('color'))} />
            <FieldError id={`${fieldId('color')}-error`} message={errorOf('color')} />
          </div>
        </div>
        {code ? null : (
          <>
            <label htmlFor={fieldId('parentId')}>Place</label>
            <select id={fieldId('parentId')} value={parentId ?? ''} onChange={(e) => setParentId(e.target.value || null)} {...errorProps(`${fieldId('parentId')}-error`, errorOf('parentId'))}>
              <option value="">At the top level</option>
              {places.map((p) => (
                <option key={p.id} value={p.id}>
                  Under {p.path}
                </option>
              ))}
            </select>
            <FieldError id={`${fieldId('parentId')}-error`} message={errorOf('parentId')} />
          </>
        )}
        {TEXT_FIELDS.map((field) => (
          <div key={field}>
            <label htmlFor={fieldId(field)}>{TEXT_LABELS[field]}</label>
            <textarea id={fieldId(field)} rows={field === 'definition' ? 3 : 2} value={draft[field]} onChange={(e) => set(field, e.target.value)} {...errorProps(`${fieldId(field)}-error`, errorOf(field))} />
            <FieldError id={`${fieldId(field)}-error`} message={errorOf(field)} />
          </div>
        ))}
        <ExamplesField examples={draft.examples} onChange={(examples) => set('examples', examples)} />
        <FieldError id={`${fieldId('examples')}-error`} message={errorOf('examples')} />
        <div className="editor-row">
          <div>
            <label htmlFor={fieldId('shortcut')}>Shortcut key</label>
            <input
              id={fieldId('shortcut')}
              className="shortcut-input"
              value={draft.shortcut}
              maxLength={1}
              autoComplete="off"
              aria-describedby={`${fieldId('shortcut')}-hint${errorOf('shortcut') ? ` ${fieldId('shortcut')}-error` : ''}`}
              aria-invalid={errorOf('shortcut') ? true : undefined}
              onChange={(e) => set('shortcut', e.target.value.toLowerCase())}
            />
            <p id={`${fieldId('shortcut')}-hint`} className="field-hint">
              One letter or digit; pressing it while reading applies the code. Empty: no key.
            </p>
            <FieldError id={`${fieldId('shortcut')}-error`} message={errorOf('shortcut')} />
          </div>
          <div className="editor-grow">
            <label className="check">
              <input type="checkbox" id={fieldId('codable')} checked={draft.categoryOnly} onChange={(e) => set('categoryOnly', e.target.checked)} {...errorProps(`${fieldId('codable')}-error`, errorOf('codable'))} />
              Category only (cannot be coded)
            </label>
            <FieldError id={`${fieldId('codable')}-error`} message={errorOf('codable')} />
            <label className="check">
              <input type="checkbox" id={fieldId('retired')} checked={draft.retired} onChange={(e) => set('retired', e.target.checked)} {...errorProps(`${fieldId('retired')}-error`, errorOf('retired'))} />
              Retired (keeps its codings, no longer applied)
            </label>
            <FieldError id={`${fieldId('retired')}-error`} message={errorOf('retired')} />
          </div>
        </div>
        {code ? <ExemplarsList code={code} /> : null}
      </div>
      <p className="change-preview" aria-live="polite">
        {preview ? `On save: ${preview}.` : code ? 'No changes yet.' : 'Name the code to add it.'}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={() => onClose(code?.id ?? null)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {code ? 'Save code' : 'Add code'}
        </button>
      </div>
    </Dialog>
  );
}
