import { useMemo } from 'react';

import { diffCodebooks } from '@shared/codebook/codebook-diff';
import type { Code, CodebookVersion } from '@shared/model/records';

import { CodebookDiffView } from './CodebookDiffView';

/** 'current' or a version id. */
export type CompareSide = string;
export const CURRENT = 'current';

interface Props {
  codes: readonly Code[];
  versions: readonly CodebookVersion[];
  from: CompareSide;
  to: CompareSide;
  onChange: (from: CompareSide, to: CompareSide) => void;
}

/** Any two versions, or a version and the codebook as it is now: what changed from one to the other. */
export function CompareTab({ codes, versions, from, to, onChange }: Props) {
  const { a, b, diff } = useMemo(() => {
    const [a, b] = [resolveSide(from, codes, versions), resolveSide(to, codes, versions)];
    return { a, b, diff: a && b && from !== to ? diffCodebooks(a.codes, b.codes) : null };
  }, [codes, versions, from, to]);

  const picker = (id: string, label: string, value: CompareSide, set: (v: CompareSide) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        <option value={CURRENT}>The current codebook</option>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <div className="compare-pickers">
        {picker('compare-from', 'From', from, (v) => onChange(v, to))}
        {picker('compare-to', 'To', to, (v) => onChange(from, v))}
      </div>
      {versions.length === 0 ? <p className="muted">Name a version first: then it can be compared with the current codebook or with another version.</p> : null}
      {a && b && diff ? (
        <>
          <p role="status">
            {diff.entries.length === 0
              ? `No differences from ${a.name} to ${b.name}.`
              : `${diff.entries.length === 1 ? 'One difference' : `${diff.entries.length} differences`} from ${a.name} to ${b.name}:`}
          </p>
          <div className="codebook-diff-scroll" role="region" aria-label="Differences" tabIndex={0}>
            <CodebookDiffView entries={diff.entries} sides={{ before: `In ${a.name}`, after: `In ${b.name}` }} />
          </div>
        </>
      ) : versions.length > 0 ? (
        <p className="muted">Choose two different codebooks to compare.</p>
      ) : null}
    </>
  );
}

function resolveSide(id: CompareSide, codes: readonly Code[], versions: readonly CodebookVersion[]): { name: string; codes: readonly Code[] } | null {
  if (id === CURRENT) return { name: 'the current codebook', codes };
  const version = versions.find((v) => v.id === id);
  return version ? { name: `“${version.name}”`, codes: version.codes } : null;
}
