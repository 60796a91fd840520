import { useId } from 'react';

import type { CodebookDiffEntry } from '@shared/codebook/codebook-diff';
import { CODE_PATH_SEPARATOR } from '@shared/codebook/code-path';

import { describeDiffEntry, type DiffMode } from './describe-diff-entry';
import { codingsOfRemoval, groupDiff } from './diff-selection';
import { FieldValue } from './FieldValue';

interface Props {
  entries: readonly CodebookDiffEntry[];
  /** Column headings of the two sides: "In this project" / "In team.qdc", or two version names. */
  sides: { before: string; after: string };
  /** Coding counts per current code id: what a removal would delete. */
  codingCounts?: ReadonlyMap<string, number>;
  /** With `onToggle`, each entry is a checkbox (take or leave); without, the view is read-only. */
  taken?: ReadonlySet<string>;
  onToggle?: (key: string, take: boolean) => void;
  /** Focus the first checkbox when shown: the dialog's first stop, and one that changes nothing. */
  autoFocusFirst?: boolean;
}

const NO_COUNTS: ReadonlyMap<string, number> = new Map();

/** A codebook diff grouped by kind; changed fields show the two values side by side. */
export function CodebookDiffView({ entries, sides, codingCounts = NO_COUNTS, taken, onToggle, autoFocusFirst }: Props) {
  const id = useId();
  const mode: DiffMode = onToggle ? 'import' : 'compare';
  const groups = groupDiff(entries);
  const firstKey = groups[0]?.entries[0]?.key;
  return (
    <div className="codebook-diff">
      {groups.map((group) => (
        <section key={group.id} className="diff-group" aria-labelledby={`${id}-${group.id}`}>
          <h3 id={`${id}-${group.id}`}>
            {group.title} <span className="muted">({group.entries.length})</span>
          </h3>
          <ul className="diff-entries">
            {group.entries.map((entry) => {
              const sentence = describeDiffEntry(entry, mode, codingsOfRemoval(entry, codingCounts));
              return (
                <li key={entry.key} className="diff-entry" data-kind={entry.kind}>
                  {onToggle ? (
                    <label className="check">
                      <input
                        type="checkbox"
                        autoFocus={autoFocusFirst && entry.key === firstKey}
                        checked={taken?.has(entry.key) ?? false}
                        onChange={(e) => onToggle(entry.key, e.target.checked)}
                      />
                      <span>{sentence}</span>
                    </label>
                  ) : (
                    <p className="diff-line">{sentence}</p>
                  )}
                  <EntryDetails entry={entry} sides={sides} />
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

function EntryDetails({ entry, sides }: { entry: CodebookDiffEntry; sides: Props['sides'] }) {
  if (entry.kind === 'changed') {
    return (
      <div className="diff-sides">
        <div>
          <span className="diff-side-label">{sides.before}</span>
          <FieldValue field={entry.field} value={entry.before} />
        </div>
        <div>
          <span className="diff-side-label">{sides.after}</span>
          <FieldValue field={entry.field} value={entry.after} />
        </div>
      </div>
    );
  }
  if (entry.kind === 'renamed') {
    const suffix = `${CODE_PATH_SEPARATOR}${entry.before}`;
    return entry.oldPath.endsWith(suffix) ? <p className="diff-note">In “{entry.oldPath.slice(0, -suffix.length)}”</p> : null;
  }
  if (entry.kind === 'added') {
    const notes = [entry.code.codable ? '' : 'Category (not codable).', entry.code.definition].filter(Boolean).join(' ');
    return notes === '' ? null : <p className="diff-note">{notes}</p>;
  }
  return null;
}
