import { useId } from 'react';

import { OPERATION_LABELS } from './describe-entry';
import { isFiltering, NO_FILTER, type HistoryFilter } from './history-filter';

interface Props {
  filter: HistoryFilter;
  onChange(filter: HistoryFilter): void;
  /** The coders to offer, by id: the project's coders and any other actor of the entries shown. */
  actors: ReadonlyArray<{ id: string; name: string }>;
}

/** The History panel's filters: coder, kind of change, record, from and to. Each change applies at once. */
export function HistoryFilters({ filter, onChange, actors }: Props) {
  const id = useId();
  const set = (patch: Partial<HistoryFilter>) => onChange({ ...filter, ...patch });
  return (
    <form className="history-filters" role="search" aria-label="Filter the history" onSubmit={(e) => e.preventDefault()}>
      <div className="history-field">
        <label htmlFor={`${id}-coder`}>Coder</label>
        <select id={`${id}-coder`} value={filter.actorId} onChange={(e) => set({ actorId: e.target.value })}>
          <option value="">Anyone</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="history-field">
        <label htmlFor={`${id}-kind`}>Change</label>
        <select id={`${id}-kind`} value={filter.operation} onChange={(e) => set({ operation: e.target.value })}>
          <option value="">Any change</option>
          {OPERATION_LABELS.map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="history-field history-field-wide">
        <label htmlFor={`${id}-record`}>Record</label>
        <input
          id={`${id}-record`}
          type="search"
          value={filter.record}
          onChange={(e) => set({ record: e.target.value })}
          aria-describedby={`${id}-record-hint`}
          autoComplete="off"
          spellCheck={false}
        />
        <span id={`${id}-record-hint`} className="history-hint">
          A record id, or words of the summary
        </span>
      </div>
      <div className="history-field">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={filter.from} max={filter.to || undefined} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="history-field">
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={filter.to} min={filter.from || undefined} onChange={(e) => set({ to: e.target.value })} />
      </div>
      <button
        type="button"
        className="history-clear"
        disabled={!isFiltering(filter)}
        onClick={() => onChange(NO_FILTER)}
      >
        Clear filters
      </button>
    </form>
  );
}
