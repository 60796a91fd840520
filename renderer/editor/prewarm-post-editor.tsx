/**
 * Lexical's first editor costs about 30 ms more than every later one (module set-up, cold code,
 * node registration): measured by `npm run bench`, it was a third of the thread view's first
 * frame. The app pays it while it waits for its database at start (App.tsx), by mounting,
 * updating and unmounting one off-screen post editor, so the first thread renders warm.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';

import type { MarkSpan } from './post-content';
import { PostText } from './PostText';

const SAMPLE = 'A warm-up post 👩‍👩‍👧 with two\n\nparagraphs and overlapping codings.';
const SPANS: MarkSpan[] = [
  { id: 'warm-a', start: 2, end: 20, color: '#999999' },
  { id: 'warm-b', start: 10, end: 30, color: '#666666' },
];
const noop = (): void => {};

export function prewarmPostEditor(doc: Document = document): void {
  const host = doc.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:absolute;left:-10000px;top:0;width:600px;visibility:hidden';
  doc.body.append(host);
  const root = createRoot(host);
  try {
    flushSync(() => root.render(<PostText postId="warm-up" text={SAMPLE} spans={SPANS.slice(0, 1)} onMarkClick={noop} />));
    // A coding added, as when the researcher codes: warms the update path too.
    flushSync(() => root.render(<PostText postId="warm-up" text={SAMPLE} spans={SPANS} onMarkClick={noop} />));
  } finally {
    root.unmount();
    host.remove();
  }
}
