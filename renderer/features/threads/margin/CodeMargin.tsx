import './code-margin.css';

import { Fragment, memo, useCallback, useEffect, useRef, useState } from 'react';

import { highlightPaint } from '../../../editor/highlight-colour';
import type { MarginEntry } from './margin-entries';
import { marginLayout, type MarginExtent, type MarginLayout } from './margin-layout';
import { measureInNextFrame } from '../../../editor/measure-in-frame';
import { useMarkHover, type Hot } from './use-mark-hover';
import { Isolated } from '../../../app/ui/Isolated';

/** Fixed in code-margin.css too: a label's height, a lane's width, and the lanes always kept (so the text does not reflow at the first coding). */
const LABEL_HEIGHT = 18;
const LANE_WIDTH = 8;
const MIN_LANES = 3;

interface Props {
  postId: string;
  entries: readonly MarginEntry[];
  /** Labels are tab stops in the focused post only: the feed stays one tab stop per post. */
  focusable: boolean;
  /** Shows the coding in the codings panel (the path a click on a highlight takes). */
  onSelect: (postId: string, codingIds: string[]) => void;
}

/**
 * The code margin beside a post's text: a bracket per coding over the lines it covers, with its
 * code's name. The brackets are measured from the highlights Lexical rendered (a flat mark lists
 * every coding covering it), again whenever the text reflows or is rebuilt.
 */
export const CodeMargin = memo(function CodeMargin({ postId, entries, focusable, onSelect }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<MarginLayout | null>(null);
  const latestEntries = useRef(entries);
  latestEntries.current = entries;

  const textRoot = useCallback(() => ref.current?.parentElement?.querySelector<HTMLElement>('[data-post-text]') ?? null, []);

  const measure = useCallback(() => {
    const margin = ref.current;
    const text = textRoot();
    if (!margin || !text) return;
    const origin = margin.getBoundingClientRect().top;
    const spans = new Map<string, { top: number; bottom: number }>();
    for (const mark of text.querySelectorAll<HTMLElement>('mark[data-coding-ids]')) {
      const ids = mark.dataset.codingIds?.split(' ') ?? [];
      for (const rect of mark.getClientRects()) {
        if (rect.height === 0) continue;
        for (const id of ids) {
          const span = spans.get(id);
          spans.set(id, span ? { top: Math.min(span.top, rect.top), bottom: Math.max(span.bottom, rect.bottom) } : { top: rect.top, bottom: rect.bottom });
        }
      }
    }
    const extents: MarginExtent[] = [];
    for (const entry of latestEntries.current) {
      const span = spans.get(entry.codingId);
      if (span) extents.push({ id: entry.codingId, top: Math.round(span.top - origin), bottom: Math.round(span.bottom - origin), start: entry.start });
    }
    const next = marginLayout(extents, LABEL_HEIGHT, Math.round(text.getBoundingClientRect().bottom - origin));
    setLayout((prev) => (prev && JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  }, [textRoot]);

  // One measurement per frame, at its start: every reason to measure (new entries, the text rebuilt,
  // the text reflowed) asks for the next frame instead of reading the geometry at once. A read in a
  // MutationObserver callback would force a synchronous layout inside the coding's own task, and a
  // second one a frame later (bench: `--only scale-browser`, a coding's layout).
  // All margins measure in one frame callback and render there, in the frame that shows the mark
  // (editor/measure-in-frame.ts).
  const cancel = useRef<(() => void) | null>(null);
  const schedule = useCallback(() => {
    cancel.current = measureInNextFrame(measure);
  }, [measure]);
  useEffect(
    () => () => {
      cancel.current?.();
      cancel.current = null;
    },
    [],
  );
  // Measured after the coding has shown, never inside its commit: reading the geometry there would
  // force a layout into the coding's own frame (bench: `--only thread`, "with the code margin").
  // New entries without new text (a code renamed or recoloured) are measured in the next frame.
  useEffect(() => {
    schedule();
  }, [entries, schedule]);
  // Whenever the text reflows (the pane resized) or is rebuilt (a coding added or removed).
  useEffect(() => {
    const text = textRoot();
    if (!text) return;
    const resize = new ResizeObserver(schedule);
    const mutation = new MutationObserver(schedule);
    resize.observe(text);
    mutation.observe(text, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-coding-ids'] });
    return () => {
      resize.disconnect();
      mutation.disconnect();
    };
  }, [schedule, textRoot]);

  const [hot, setHot] = useMarkHover(textRoot);
  const byId = new Map(entries.map((e) => [e.codingId, e]));
  const brackets = layout?.brackets.filter((b) => byId.has(b.id)) ?? [];
  const lanesWidth = Math.max(MIN_LANES, layout?.lanes ?? 0) * LANE_WIDTH;
  const on = (id: string): Hot => ({ ids: [id], from: 'margin' });
  const off = () => setHot(null);

  return (
    <div
      ref={ref}
      className="code-margin"
      role="group"
      aria-label={`Codes in this post: ${entries.length}`}
      data-testid="code-margin"
      style={{ minHeight: layout?.height, ['--lanes-width' as string]: `${lanesWidth}px` }}
    >
      {brackets.map((b) => {
        const entry = byId.get(b.id) as MarginEntry;
        const isHot = hot?.ids.includes(b.id) === true;
        // The code's colour, darkened where it would fade into the page (yellow): 3:1 like the underline.
        const color = highlightPaint(entry.color).underline;
        const quote = entry.quote.length > 60 ? `${entry.quote.slice(0, 59)}…` : entry.quote;
        return (
          <Fragment key={b.id}>
            <span
              className="margin-bracket"
              data-coding-id={b.id}
              data-hot={isHot || undefined}
              aria-hidden="true"
              style={{ top: b.top, height: Math.max(4, b.bottom - b.top), left: b.lane * LANE_WIDTH, borderColor: color }}
              onMouseEnter={() => setHot(on(b.id))}
              onMouseLeave={off}
              onClick={() => onSelect(postId, [b.id])}
            />
            <button
              type="button"
              className="margin-label"
              data-coding-id={b.id}
              data-hot={isHot || undefined}
              tabIndex={focusable ? 0 : -1}
              style={{ top: b.labelTop, ['--code-color' as string]: color }}
              title={`${entry.path} — coded by ${entry.coderName}: “${entry.quote}”`}
              aria-label={`${entry.path}, coded by ${entry.coderName}: “${quote}”`}
              onMouseEnter={() => setHot(on(b.id))}
              onMouseLeave={off}
              onFocus={() => setHot(on(b.id))}
              onBlur={off}
              onClick={() => onSelect(postId, [b.id])}
            >
              <Isolated>{entry.name}</Isolated>
            </button>
          </Fragment>
        );
      })}
    </div>
  );
});
