import { useEffect, useId, useRef } from 'react';

interface Props {
  examples: readonly string[];
  onChange: (examples: string[]) => void;
}

/** Free-text examples of a code, one per line of the list: add, edit, remove. Blank ones are dropped on save. */
export function ExamplesField({ examples, onChange }: Props) {
  const id = useId();
  const fieldset = useRef<HTMLFieldSetElement>(null);
  // After adding or removing, focus goes to the example now at this index (or to "Add example").
  const focusAt = useRef<number | null>(null);
  useEffect(() => {
    if (focusAt.current === null) return;
    const inputs = fieldset.current?.querySelectorAll<HTMLElement>('textarea');
    const target = inputs?.[focusAt.current] ?? fieldset.current?.querySelector<HTMLElement>('.add-example');
    focusAt.current = null;
    target?.focus();
  });

  return (
    <fieldset className="examples-field" ref={fieldset}>
      <legend>Examples</legend>
      {examples.length === 0 ? <p className="panel-sub">No examples yet.</p> : null}
      <ol className="example-list">
        {examples.map((text, i) => (
          <li key={i}>
            <label className="visually-hidden" htmlFor={`${id}-${i}`}>
              Example {i + 1}
            </label>
            <textarea
              id={`${id}-${i}`}
              rows={2}
              value={text}
              onChange={(e) => onChange(examples.map((x, j) => (j === i ? e.target.value : x)))}
            />
            <button
              type="button"
              aria-label={`Remove example ${i + 1}`}
              onClick={() => {
                focusAt.current = i;
                onChange(examples.filter((_, j) => j !== i));
              }}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="add-example"
        onClick={() => {
          focusAt.current = examples.length;
          onChange([...examples, '']);
        }}
      >
        Add example
      </button>
    </fieldset>
  );
}
