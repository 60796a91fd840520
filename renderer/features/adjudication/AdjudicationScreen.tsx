import { type ComponentType, useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { Code, Post, Round } from '@shared/model/records';
import { blindDisagreements } from '@shared/team/blind-coders';

import { MenuButton, type MenuItem } from '../../app/ui/MenuButton';
import {
  type Command,
  commandForKey,
  decisionFor,
  filterRows,
  followCurrent,
  moveIndex,
  nextNeedingReview,
  progressOf,
  progressText,
  type ListFilter,
} from './adjudication-model';
import type { DecideInput, Disagreement } from './core-contract';
import { DecisionBar, KeyLegend } from './DecisionBar';
import { DisagreementList } from './DisagreementList';
import { readTextSelection } from './read-text-selection';
import './adjudication.css';

export interface DetailProps {
  d: Disagreement;
  code: Code | undefined;
  codesById: ReadonlyMap<string, Code>;
  post: Post | undefined;
}

export interface AdjudicationScreenProps {
  /** The disagreements of the filter's round (all rounds: the project's); undefined while read. */
  disagreements: readonly Disagreement[] | undefined;
  /** The round is read by the core (listDisagreements), the rest filters here. */
  filter: ListFilter;
  onFilterChange: (filter: ListFilter) => void;
  rounds: readonly Round[];
  /** The codebook in tree order. */
  codes: readonly Code[];
  /** The disagreements' posts (for the excerpts and the current post). */
  postsById: ReadonlyMap<string, Post>;
  /** Renders the current disagreement (the app's reads the context and the consensus live). */
  Detail: ComponentType<DetailProps>;
  /** Runs decideDisagreement; resolves false when refused (said in the status line). */
  decide: (input: DecideInput, label: string) => Promise<boolean>;
  /** Runs proposeMajority on the round. */
  proposeMajority: (roundId: string) => Promise<void>;
  exportConsensus: () => void;
  announce: (message: string, tone?: 'info' | 'error') => void;
  /** Blind adjudication: coders shown as "Coder A", "Coder B"… until each disagreement is decided. */
  blindCoders?: boolean;
  onBlindCodersChange?: (blind: boolean) => void;
}

interface Cursor {
  id: string | null;
  index: number;
}

/** Typing here keeps its keys; a checkbox does not (its Space is its own, letters are ours). */
const TEXT_ENTRY = 'textarea, select, input:not([type="checkbox"]):not([type="radio"])';

/**
 * The Adjudication view: the disagreements on the left (filters, progress, the virtualized list),
 * the current one on the right (context, each coder's spans, the decision bar). Keyboard-first:
 * every decision and move has a key (adjudication-model.ts commandForKey).
 */
export function AdjudicationScreen({
  disagreements,
  filter,
  onFilterChange: setFilter,
  rounds,
  codes,
  postsById,
  Detail,
  decide,
  proposeMajority,
  exportConsensus,
  announce,
  blindCoders = false,
  onBlindCodersChange,
}: AdjudicationScreenProps) {
  const [cursor, setCursor] = useState<Cursor>({ id: null, index: 0 });
  const [pendingFor, setPendingFor] = useState<{ id: string; kind: 'adjust' | 'add' } | null>(null);
  const [memoDraft, setMemoDraft] = useState<{ id: string; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // The memo field appears once asked for (M), then stays; `focusMemo` focuses it once it is there.
  const [memoOpen, setMemoOpen] = useState(false);
  const focusMemo = useRef(false);
  const listRef = useRef<HTMLDivElement>(null);
  const memoRef = useRef<HTMLTextAreaElement>(null);

  const codesById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const all = useMemo(() => blindDisagreements(disagreements ?? [], blindCoders), [disagreements, blindCoders]);
  const { counted, listed } = useMemo(() => filterRows(all, filter), [all, filter]);
  const progress = useMemo(() => progressOf(counted), [counted]);
  const index = followCurrent(listed, cursor.id, cursor.index);
  const current = index >= 0 ? listed[index] : undefined;
  const pending = current && pendingFor?.id === current.id ? pendingFor.kind : null;
  const decisionMemo = current?.decision?.memo ?? '';
  const memo = current && memoDraft?.id === current.id ? memoDraft.text : decisionMemo;

  // Codes and rounds offered by the filters: those the disagreements have.
  const codeChoices = useMemo(() => {
    const used = new Set(all.map((d) => d.codeId));
    return codes.filter((c) => used.has(c.id));
  }, [all, codes]);
  const roundChoices = useMemo(() => [...rounds].sort((a, b) => a.number - b.number), [rounds]);
  const chosenRound = filter.roundId === null ? undefined : rounds.find((r) => r.id === filter.roundId);
  const majorityRound = chosenRound ?? (roundChoices.length === 1 ? roundChoices[0] : undefined);
  const canPropose = majorityRound !== undefined && majorityRound.coderIds.length >= 3;
  // The majority rule needs a round of three or more coders: offered when one exists.
  const offerMajority = rounds.some((r) => r.coderIds.length >= 3);

  // Keyboard-first: the list has focus on opening. Focusing needs style and layout; in the next
  // animation frame it rides on the layout the frame does anyway instead of forcing one of its own.
  useEffect(() => {
    const frame = requestAnimationFrame(() => listRef.current?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(frame);
  }, []);

  useEffect(() => {
    if (focusMemo.current && memoRef.current) {
      focusMemo.current = false;
      memoRef.current.focus();
    }
  });

  // A filter chosen from its menu: the menu is gone, so the list takes focus (and the keys) again.
  const chooseFilter = (next: ListFilter) => {
    setFilter(next);
    requestAnimationFrame(() => listRef.current?.focus({ preventScroll: true }));
  };

  const goTo = useCallback((next: number) => {
    if (next < 0) return;
    setCursor({ id: listed[next]?.id ?? null, index: next });
  }, [listed]);

  const runDecision = async (command: Command, d: Disagreement, advance = true) => {
    const span = command.kind === 'confirm' && pending ? readTextSelection(window.getSelection(), postsById.get(d.postId)?.text ?? '') : null;
    const decided = decisionFor(command.kind === 'confirm' && pending ? { kind: pending } : command, d, { memo, span });
    if (!decided.ok) {
      announce(decided.message, 'error');
      return;
    }
    setBusy(true);
    const at = listed.findIndex((r) => r.id === d.id);
    try {
      const ok = await decide(decided.input, decided.label);
      if (!ok) return;
      setPendingFor(null);
      setMemoDraft(null);
      window.getSelection()?.removeAllRanges();
      // On to the next disagreement still to review, if any other is.
      const next = nextNeedingReview(listed, at);
      if (advance && next >= 0 && next !== at) setCursor({ id: listed[next]?.id ?? null, index: next });
    } finally {
      setBusy(false);
    }
  };

  const run = (command: Command) => {
    switch (command.kind) {
      case 'move':
        return goTo(moveIndex(listed.length, index, command.by));
      case 'first':
        return goTo(moveIndex(listed.length, 0, 0));
      case 'last':
        return goTo(listed.length - 1);
      case 'next-undecided': {
        const next = nextNeedingReview(listed, index);
        if (next < 0) announce('Every disagreement listed is decided.');
        return goTo(next);
      }
      case 'memo':
        focusMemo.current = true;
        setMemoOpen(true);
        memoRef.current?.focus();
        return;
      case 'cancel':
        if (pending) {
          setPendingFor(null);
          announce('Cancelled.');
        }
        return;
      default:
        break;
    }
    if (!current || busy) return;
    if (command.kind === 'adjust' || command.kind === 'add') {
      setPendingFor({ id: current.id, kind: command.kind });
      announce(`${command.kind === 'adjust' ? 'Adjust the span' : 'Add a coding'}: select the text in the post, then press Enter.`);
      return;
    }
    void runDecision(command, current);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.defaultPrevented || !(event.target instanceof HTMLElement)) return;
    const target = event.target;
    if (target.matches(TEXT_ENTRY)) {
      if (event.key === 'Escape' && target === memoRef.current) {
        event.preventDefault();
        listRef.current?.focus();
      }
      return;
    }
    // An open menu (the filters) keeps every key.
    if (target.closest('[role="menu"]')) return;
    // A button, a summary or a checkbox keeps its own Enter and Space.
    if ((event.key === 'Enter' || event.key === ' ') && target.matches('button, summary, input, a')) return;
    const command = event.key === ' ' ? null : commandForKey(event, current?.coders.length ?? 0);
    if (!command) return;
    event.preventDefault();
    run(command);
  };

  const propose = async () => {
    if (!majorityRound || !canPropose) {
      announce('Choose a round of three or more coders first (Round: …): the majority rule settles one round’s disagreements.', 'error');
      return;
    }
    setBusy(true);
    try {
      await proposeMajority(majorityRound.id);
    } finally {
      setBusy(false);
    }
  };

  const percent = progress.total === 0 ? 0 : Math.round((progress.decided / progress.total) * 100);
  return (
    // The view's keys work wherever focus is inside it; typing in the memo or a filter keeps its own.
    <div className="adjudication-view" onKeyDown={onKeyDown}>
      <section className="adjudication-list-pane" aria-labelledby="adjudication-list-title">
        <div className="adjudication-list-head">
          <h2 id="adjudication-list-title">Disagreements</h2>
          <div className="adjudication-filters">
            {/* Menu buttons rather than <select>s: a native select costs the view's first frame a
                third more style work (bench/adjudication-bench.mjs), and these render only when open. */}
            <MenuButton
              className="filter-menu"
              label={`Round: ${chosenRound?.name ?? 'all'}`}
              menuLabel="Round"
              items={[
                choice('round-all', 'All rounds', filter.roundId === null, () => chooseFilter({ ...filter, roundId: null })),
                ...roundChoices.map((r) => choice(r.id, r.name, filter.roundId === r.id, () => chooseFilter({ ...filter, roundId: r.id }))),
              ]}
            />
            <MenuButton
              className="filter-menu"
              label={`Code: ${filter.codeId === null ? 'all' : (codesById.get(filter.codeId)?.name ?? 'deleted code')}`}
              menuLabel="Code"
              items={[
                choice('code-all', 'All codes', filter.codeId === null, () => chooseFilter({ ...filter, codeId: null })),
                ...codeChoices.map((c) => choice(c.id, c.name, filter.codeId === c.id, () => chooseFilter({ ...filter, codeId: c.id }))),
              ]}
            />
            <label className="check">
              <input type="checkbox" checked={filter.undecidedOnly} onChange={(e) => setFilter({ ...filter, undecidedOnly: e.target.checked })} />
              Undecided only
            </label>
            {onBlindCodersChange ? (
              <label className="check" title="Each disagreement shows its coders as Coder A, B… in a shuffled order until you decide it">
                <input type="checkbox" checked={blindCoders} onChange={(e) => onBlindCodersChange(e.target.checked)} />
                Hide coder names until decided
              </label>
            ) : null}
          </div>
          <div
            className="adjudication-progress"
            role="progressbar"
            aria-label="Adjudication progress"
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.decided}
            aria-valuetext={progressText(progress)}
          >
            <span className="adjudication-progress-bar" aria-hidden="true">
              <span style={{ width: `${percent}%` }} />
            </span>
            <span className="adjudication-progress-text">{progressText(progress)}</span>
          </div>
          <div className="adjudication-actions">
            {offerMajority ? (
              <button
                type="button"
                disabled={busy}
                onClick={() => void propose()}
                title={canPropose ? `Every undecided disagreement of ${majorityRound.name} that a majority settles becomes a proposal to review` : 'Choose a round of three or more coders first'}
              >
                Pre-decide by majority
              </button>
            ) : null}
            <button type="button" onClick={exportConsensus}>
              Export consensus CSV…
            </button>
          </div>
        </div>
        {disagreements === undefined ? (
          <p className="empty">Reading the disagreements…</p>
        ) : listed.length === 0 ? (
          <p className="empty">
            {all.length === 0
              ? 'No disagreements: add coder files (File → Add coder file…), and the posts where coders differ are listed here.'
              : filter.undecidedOnly && counted.length > 0
                ? 'Every disagreement here is decided.'
                : 'No disagreements match the filters.'}
          </p>
        ) : null}
        <DisagreementList ref={listRef} rows={listed} currentIndex={index} codesById={codesById} postsById={postsById} onSelect={goTo} />
        <KeyLegend />
      </section>
      <section className="adjudication-detail" aria-labelledby="adjudication-current-title">
        <h2 id="adjudication-current-title">
          {current ? `Disagreement ${index + 1} of ${listed.length}` : 'No disagreement chosen'}
        </h2>
        {current ? (
          <>
            <Detail d={current} code={codesById.get(current.codeId)} codesById={codesById} post={postsById.get(current.postId)} />
            <DecisionBar
              d={current}
              pending={pending}
              memo={memo}
              onMemoChange={(text) => setMemoDraft({ id: current.id, text })}
              memoRef={memoRef}
              memoChanged={current.decision !== null && memo !== decisionMemo}
              memoOpen={memoOpen}
              onSaveMemo={() => {
                const again = sameDecision(current);
                if (again) void runDecision(again, current, false);
                else announce('To change the memo of an adjusted or added span, select the span again and decide with A or D.', 'error');
              }}
              onCommand={run}
              busy={busy}
            />
          </>
        ) : null}
      </section>
    </div>
  );
}

/**
 * The command that decides `d` again as it is decided, to save a changed memo; null for an adjusted
 * or added span (deciding again needs the span selected again).
 */
function sameDecision(d: Disagreement): Command | null {
  const decision = d.decision;
  if (!decision) return null;
  if (decision.proposed) return { kind: 'confirm' };
  switch (decision.outcome) {
    case 'accept': {
      const coderIndex = d.coders.findIndex((c) => c.coderId === decision.acceptedCoderIds[0]);
      return coderIndex >= 0 ? { kind: 'accept', coderIndex } : null;
    }
    case 'both':
      return { kind: 'both' };
    case 'none':
      return { kind: 'none' };
    default:
      return null;
  }
}

/** A filter menu's item: the chosen one is ticked (and says so). */
function choice(key: string, name: string, chosen: boolean, onSelect: () => void): MenuItem {
  return {
    key,
    name: chosen ? `${name} (chosen)` : name,
    label: (
      <>
        <span className="filter-tick" aria-hidden="true">
          {chosen ? '✓' : ''}
        </span>
        {name}
      </>
    ),
    onSelect,
  };
}
