import { useId, useState } from 'react';

export interface CodeDraft {
  name: string;
  color: string;
  definition: string;
}

interface Props {
  title: string;
  initial: CodeDraft;
  onSubmit: (draft: CodeDraft) => Promise<void>;
  onCancel: () => void;
}

export function CodeForm({ title, initial, onSubmit, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const id = useId();
  return (
    <form
      className="code-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(draft);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} value={draft.name} autoFocus required maxLength={200} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      <label htmlFor={`${id}-color`}>Colour</label>
      <input id={`${id}-color`} type="color" value={draft.color} onChange={(e) => setDraft({ ...draft, color: e.target.value })} />
      <label htmlFor={`${id}-definition`}>Definition</label>
      <textarea
        id={`${id}-definition`}
        rows={3}
        value={draft.definition}
        onChange={(e) => setDraft({ ...draft, definition: e.target.value })}
      />
      <div className="row-actions">
        <button type="submit" className="primary">
          Save code
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
