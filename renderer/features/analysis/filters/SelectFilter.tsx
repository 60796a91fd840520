interface Props {
  /** The label's text, as shown before the select. */
  label: string;
  value: string;
  /** The empty value's wording: no filter ("Any thread", "All platforms"). */
  any: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}

/** One filter of an analysis query (search, segments): a labelled select whose first choice is no filter. */
export function SelectFilter({ label, value, any, options, onChange }: Props) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
