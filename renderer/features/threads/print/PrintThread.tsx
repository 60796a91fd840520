import './print-thread.css';

import { useEffect, useMemo } from 'react';
import { createPortal } from 'react-dom';

import type { Code, Coder, Coding, Post } from '@shared/model/records';

import { highlightPaint } from '../../../editor/highlight-colour';
import { formatPostTime } from '../format-time';
import { printModel, type PrintPiece } from './print-model';
import { Isolated } from '../../../app/ui/Isolated';

interface Props {
  title: string;
  posts: readonly Post[];
  codingsByPost: ReadonlyMap<string, readonly Coding[]>;
  codes: ReadonlyMap<string, Code>;
  coders: ReadonlyMap<string, Coder>;
  /** The print dialog closed (afterprint): the page is taken down. */
  onDone: () => void;
}

/** Deeper replies stop indenting on paper too. */
const MAX_INDENT = 6;

/**
 * The whole coded thread as a printable page, put beside the app while printing (the print
 * stylesheet shows only it): every post, its highlights, the margin's codes as numbered labels,
 * and the codings' memos. Asks the browser to print once it is on the page (Electron and the web
 * alike: the browser's print dialog, where "Save as PDF" makes a PDF).
 */
export function PrintThread({ title, posts, codingsByPost, codes, coders, onDone }: Props) {
  const model = useMemo(() => printModel(posts, codingsByPost, codes, coders), [posts, codingsByPost, codes, coders]);
  const codingCount = model.reduce((n, p) => n + p.notes.length, 0);

  useEffect(() => {
    window.addEventListener('afterprint', onDone);
    const frame = requestAnimationFrame(() => window.print());
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', onDone);
    };
  }, [onDone]);

  return createPortal(
    <article className="print-thread" aria-label={`Printable thread: ${title}`} data-testid="print-thread">
      <header>
        <h1>{title}</h1>
        <p className="print-sub">
          {model.length} {model.length === 1 ? 'post' : 'posts'}, {codingCount} {codingCount === 1 ? 'coding' : 'codings'}. Numbers after a highlight refer to the
          codes beside its post.
        </p>
      </header>
      {model.map(({ post, depth, pieces, notes }) => (
        <section key={post.id} className="print-post" data-post-id={post.id} style={{ marginLeft: `${Math.min(depth, MAX_INDENT) * 1.2}rem` }}>
          <div className="print-text">
            <p className="print-heading">
              <strong>
                <Isolated>{post.author}</Isolated>
              </strong>{' '}
              · {formatPostTime(post.createdAt)}
              {depth > 0 ? ` · reply level ${depth}` : ''}
            </p>
            <p className="print-body">
              {pieces.map((piece, i) => (
                <Piece key={i} piece={piece} />
              ))}
            </p>
          </div>
          {notes.length > 0 ? (
            <ol className="print-notes">
              {notes.map((note) => (
                <li key={note.codingId} value={note.n} style={{ borderLeftColor: highlightPaint(note.color).underline }}>
                  <Isolated className="print-code">{note.path}</Isolated>{' '}
                  <span className="print-coder">
                    (<Isolated>{note.coderName}</Isolated>)
                  </span>
                  {note.memo ? <span className="print-memo">Memo: {note.memo}</span> : null}
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      ))}
    </article>,
    document.body,
  );
}

function Piece({ piece }: { piece: PrintPiece }) {
  const marks = piece.ends.length > 0 ? <sup className="print-ref">{piece.ends.join(',')}</sup> : null;
  if (piece.colors.length === 0) return <>{piece.text}</>;
  const paints = piece.colors.map((c) => highlightPaint(c, '#000000', '#ffffff'));
  const first = paints[0]!;
  const band = 100 / paints.length;
  const background =
    paints.length > 1 ? `linear-gradient(180deg, ${paints.map((p, i) => `${p.background} ${i * band}%, ${p.background} ${(i + 1) * band}%`).join(', ')})` : first.background;
  return (
    <>
      <mark className="print-mark" style={{ background, borderBottomColor: first.underline }}>
        {piece.text}
      </mark>
      {marks}
    </>
  );
}
