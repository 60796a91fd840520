import { useId } from 'react';

import type { ProjectAttributes } from '@shared/analysis/attributes/attributes-of';
import type { SegmentCombinationKind } from '@shared/analysis/segments/segment-query';
import { sortCodesAsTree } from '@shared/codebook/code-path';
import type { Code, Coder, Thread } from '@shared/model/records';

import { SelectFilter } from '../filters/SelectFilter';
import type { SegmentDraft } from './segment-draft';

export interface SegmentChoices {
  codes: readonly Code[];
  coders: readonly Coder[];
  threads: readonly Thread[];
  /** Authors' and threads' attributes (absent while loading): the attribute condition's choices. */
  attributes?: ProjectAttributes | null;
}

interface Props {
  choices: SegmentChoices;
  draft: SegmentDraft;
  onChange: (draft: SegmentDraft) => void;
  onSubmit: () => void;
  /** What to fix before retrieving, shown under the field it names. */
  error: { field: keyof SegmentDraft; message: string } | null;
  busy: boolean;
}

const COMBINATIONS: Array<{ kind: SegmentCombinationKind | ''; label: string }> = [
  { kind: '', label: 'No second code' },
  { kind: 'and-same-post', label: 'and, in the same post,' },
  { kind: 'overlap', label: 'overlapping' },
  { kind: 'near', label: 'within N characters of' },
  { kind: 'not', label: 'in posts without' },
];

/** The retrieval's question: a code (from the tree), an optional second code, and filters. */
export function SegmentQueryForm({ choices, draft, onChange, onSubmit, error, busy }: Props) {
  const id = useId();
  const set = <K extends keyof SegmentDraft>(key: K, value: SegmentDraft[K]) => onChange({ ...draft, [key]: value });
  const tree = sortCodesAsTree(choices.codes);
  const platforms = [...new Set(choices.threads.map((t) => t.platform))].sort();
  const attributeKeys = (['author', 'thread'] as const).flatMap((scope) => choices.attributes?.[scope].columns.map((c) => `${scope}:${c.name}`) ?? []);
  const errorFor = (field: keyof SegmentDraft) =>
    error?.field === field ? (
      <span className="field-error" id={`${id}-${field}-error`} role="alert">
        {error.message}
      </span>
    ) : null;
  const described = (field: keyof SegmentDraft) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {});
  const codeOptions = tree.map(({ code, depth }) => (
    <option key={code.id} value={code.id}>
      {`${'\u00a0\u00a0'.repeat(depth)}${code.name}${code.codable ? '' : ' (category)'}`}
    </option>
  ));

  return (
    <form
      className="segments-form"
      aria-label="Segments query"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <fieldset>
        <legend>Code</legend>
        <label>
          Code
          <select value={draft.codeId} onChange={(e) => set('codeId', e.target.value)} {...described('codeId')}>
            <option value="">Choose a code…</option>
            {codeOptions}
          </select>
        </label>
        {errorFor('codeId')}
        <label className="check">
          <input type="checkbox" checked={draft.includeSubcodes} onChange={(e) => set('includeSubcodes', e.target.checked)} />
          Include sub-codes
        </label>
      </fieldset>
      <fieldset>
        <legend>Combined with</legend>
        <label>
          Combination
          <select value={draft.combineKind} onChange={(e) => set('combineKind', e.target.value as SegmentDraft['combineKind'])}>
            {COMBINATIONS.map((c) => (
              <option key={c.kind} value={c.kind}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        {draft.combineKind === 'near' ? (
          <label>
            Characters
            <input type="number" min={0} step={1} inputMode="numeric" className="within-input" value={draft.within} onChange={(e) => set('within', e.target.value)} {...described('within')} />
          </label>
        ) : null}
        {errorFor('within')}
        {draft.combineKind !== '' ? (
          <>
            <label>
              Second code
              <select value={draft.otherCodeId} onChange={(e) => set('otherCodeId', e.target.value)} {...described('otherCodeId')}>
                <option value="">Choose a code…</option>
                {codeOptions}
              </select>
            </label>
            {errorFor('otherCodeId')}
            <label className="check">
              <input type="checkbox" checked={draft.otherSubcodes} onChange={(e) => set('otherSubcodes', e.target.checked)} />
              Include its sub-codes
            </label>
          </>
        ) : null}
      </fieldset>
      <fieldset className="segments-filters">
        <legend>Only</legend>
        <SelectFilter label="Coder" value={draft.coderId} any="Any coder" options={choices.coders.map((c) => ({ value: c.id, label: c.name }))} onChange={(v) => set('coderId', v)} />
        <SelectFilter label="Thread" value={draft.threadId} any="Any thread" options={choices.threads.map((t) => ({ value: t.id, label: t.title }))} onChange={(v) => set('threadId', v)} />
        <label>
          Author
          <input type="text" value={draft.author} placeholder="Any author" onChange={(e) => set('author', e.target.value)} />
        </label>
        <SelectFilter label="Platform" value={draft.platform} any="Any platform" options={platforms.map((p) => ({ value: p, label: p }))} onChange={(v) => set('platform', v)} />
        <label>
          From
          <input type="date" value={draft.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          To
          <input type="date" value={draft.to} onChange={(e) => set('to', e.target.value)} />
        </label>
        <label>
          Month
          <input type="month" value={draft.month} onChange={(e) => set('month', e.target.value)} />
        </label>
        <label>
          Attribute
          <select value={draft.attribute} onChange={(e) => set('attribute', e.target.value)}>
            <option value="">Any attribute</option>
            {draft.attribute !== '' && !attributeKeys.includes(draft.attribute) ? <option value={draft.attribute}>{draft.attribute.replace(':', ': ')}</option> : null}
            {(['author', 'thread'] as const).map((scope) =>
              choices.attributes && choices.attributes[scope].columns.length > 0 ? (
                <optgroup key={scope} label={scope === 'author' ? 'Author attributes' : 'Thread attributes'}>
                  {choices.attributes[scope].columns.map((c) => (
                    <option key={c.name} value={`${scope}:${c.name}`}>
                      {`${scope === 'author' ? 'Author' : 'Thread'}: ${c.name}`}
                    </option>
                  ))}
                </optgroup>
              ) : null,
            )}
          </select>
        </label>
        {draft.attribute !== '' ? (
          <label>
            Attribute value
            <input type="text" value={draft.attributeValue} placeholder="a value, a|b, or (none)" onChange={(e) => set('attributeValue', e.target.value)} {...described('attributeValue')} />
          </label>
        ) : null}
        {errorFor('attributeValue')}
      </fieldset>
      <div className="row-actions">
        <button type="submit" className="primary" disabled={busy}>
          Retrieve segments
        </button>
      </div>
    </form>
  );
}
