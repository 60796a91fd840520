import type { DiffedField } from '@shared/codebook/code-field-values';
import type { Code } from '@shared/model/records';

interface Props<F extends DiffedField> {
  field: F;
  value: Code[F];
}

/** One side of a changed field, shown as the researcher edits it (text, list, swatch, key, status). */
export function FieldValue<F extends DiffedField>({ field, value }: Props<F>) {
  const none = (text: string) => <span className="muted">{text}</span>;
  switch (field) {
    case 'definition':
    case 'inclusion':
    case 'exclusion': {
      const text = value as string;
      return <p className="diff-text">{text.trim() === '' ? none('(empty)') : text}</p>;
    }
    case 'examples': {
      const examples = value as string[];
      return examples.length === 0 ? (
        none('(no examples)')
      ) : (
        <ul className="diff-examples">
          {examples.map((example, i) => (
            <li key={i}>{example}</li>
          ))}
        </ul>
      );
    }
    case 'color': {
      const color = value as string;
      return (
        <span className="diff-color">
          <span className="swatch" style={{ backgroundColor: color }} aria-hidden="true" />
          {color}
        </span>
      );
    }
    case 'shortcut':
      return value === null ? none('no key') : <kbd>{value as string}</kbd>;
    case 'codable':
      return <span>{value ? 'Codable' : 'Category only (not codable)'}</span>;
    case 'retired':
      return <span>{value ? 'Retired' : 'In use'}</span>;
  }
}
