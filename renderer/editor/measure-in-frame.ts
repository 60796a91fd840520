import { flushSync } from 'react-dom';

/**
 * Reads of the posts' geometry, all in one animation frame: each code margin reads its geometry
 * (one layout for all of them, and for a selection restored after a coding: reselect.ts) and
 * their new brackets render synchronously in the same callback, so they are painted in that frame.
 * A state update left to React's scheduler from a frame callback renders in a task after the frame
 * and costs a frame of its own (bench: `--only scale-browser`, a coding's frames: the mark, then
 * the margin a frame later).
 */
const due = new Set<() => void>();
let frame = 0;

function run(): void {
  frame = 0;
  const measures = [...due];
  due.clear();
  // The reads happen inside the callback, before React renders what they set: one layout, one render.
  flushSync(() => {
    for (const measure of measures) measure();
  });
}

/** Runs `measure` at the start of the next frame (once however often asked); returns its cancel. */
export function measureInNextFrame(measure: () => void): () => void {
  due.add(measure);
  if (!frame) frame = requestAnimationFrame(run);
  return () => {
    due.delete(measure);
  };
}
