import { useId } from 'react';

interface Props {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * The per-export choice, ticked by default: authors and the people texts mention leave the
 * project as aliases ("Author 0417") unless the researcher unticks it for an identified file.
 */
export function PseudonymiseOption({ checked, onChange }: Props) {
  const hint = useId();
  return (
    <span className="pseudonymise-option">
      <label className="check">
        <input type="checkbox" checked={checked} aria-describedby={hint} onChange={(e) => onChange(e.currentTarget.checked)} />
        Pseudonymise authors and mentions
      </label>
      <span id={hint} className="choice-hint">
        {checked ? 'Authors, @-mentions, u/names and profile links become aliases such as “Author 0417”; quotes still match their offsets.' : 'The file names real authors: keep it on this machine.'}
      </span>
    </span>
  );
}
