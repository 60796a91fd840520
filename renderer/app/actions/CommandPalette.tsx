import { useEffect, useId, useMemo, useState } from 'react';

import { matchesShortcut } from '@shared/actions/shortcut';

import { Dialog } from '../ui/Dialog';
import { shortcutAria, shortcutText } from './key-display';
import { filterEntries } from './palette-filter';
import { unavailableMessage } from './registry';
import type { Action, ActionContext } from './types';

interface Props {
  actions: readonly Action[];
  ctx: ActionContext;
  onClose(): void;
  /** The chosen action (enabled): the palette closes, then it runs. */
  onRun(action: Action): void;
}

const firstEnabled = (list: readonly Action[], ctx: ActionContext): number => Math.max(0, list.findIndex((action) => action.enabled(ctx)));

/**
 * The command palette (Ctrl+K / ⌘K): every action by name (WAI-ARIA combobox with a listbox).
 * Typing filters (palette-filter.ts), ↑/↓ move, Enter runs, Escape closes. A disabled action is
 * listed, marked disabled, and not run.
 */
export function CommandPalette({ actions, ctx, onClose, onRun }: Props) {
  const id = useId();
  const titleId = `${id}-title`;
  const listId = `${id}-list`;
  const optionId = (action: Action) => `${id}-${action.id}`;
  const listed = useMemo(() => actions.filter((action) => action.inPalette !== false), [actions]);
  const toggleChord = actions.find((action) => action.id === 'command-palette')?.shortcut;
  const [query, setQuery] = useState('');
  const results = useMemo(() => filterEntries(query, listed), [query, listed]);
  const [activeIndex, setActiveIndex] = useState(() => firstEnabled(listed, ctx));
  const active = results[Math.min(activeIndex, results.length - 1)];
  const activeId = active ? optionId(active) : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const choose = (action: Action | undefined) => {
    if (!action) return;
    if (action.enabled(ctx)) onRun(action);
    else ctx.services.announce(unavailableMessage(action));
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0 && results.length > 0) {
      const from = Math.min(activeIndex, results.length - 1);
      setActiveIndex((from + step + results.length) % results.length);
    } else if (event.key === 'Enter') choose(active);
    else if (toggleChord !== undefined && matchesShortcut(event, toggleChord)) onClose();
    else return;
    event.preventDefault();
  };

  return (
    <Dialog labelledBy={titleId} onCancel={onClose}>
      <div className="command-palette">
        <h2 id={titleId} className="visually-hidden">
          Command palette
        </h2>
        <input
          type="text"
          role="combobox"
          aria-label="Find an action"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          placeholder="Type an action…"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActiveIndex(firstEnabled(filterEntries(event.target.value, listed), ctx));
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label="Actions" className="palette-list" hidden={results.length === 0}>
          {results.map((action, index) => {
            const enabled = action.enabled(ctx);
            const keys = shortcutText(action);
            const checked = action.checked?.(ctx) === true;
            return (
              <li
                key={action.id}
                id={optionId(action)}
                role="option"
                aria-selected={action === active}
                aria-disabled={enabled ? undefined : true}
                aria-keyshortcuts={shortcutAria(action)}
                className="palette-option"
                // Focus stays in the input.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => setActiveIndex(index)}
                onClick={() => choose(action)}
              >
                <span className="palette-label">{action.label}</span>
                {checked ? <span className="palette-check">on</span> : null}
                {keys ? <kbd aria-hidden="true">{keys}</kbd> : null}
              </li>
            );
          })}
        </ul>
        {results.length === 0 ? (
          <p className="palette-empty" role="status">
            No action matches “{query.trim()}”.
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
