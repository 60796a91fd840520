import { MarkNode } from '@lexical/mark';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';

import { CodingMarkNode } from './coding-mark-node';
import { editorRegistry } from './editor-registry';
import { $setPostContent, type MarkSpan } from './post-content';
import { restoreSelectionInFrame, takeReselect } from './reselect';

interface PostTextProps {
  postId: string;
  text: string;
  spans: readonly MarkSpan[];
  onMarkClick: (postId: string, codingIds: string[]) => void;
}

const theme = { paragraph: 'post-paragraph', mark: 'coding-mark', markOverlap: 'coding-mark-overlap' };

/**
 * One post's text as a small read-only Lexical editor (a virtualized list of per-post editors:
 * docs/editor.md, "Per-post editors in a virtualized list"). The element holds exactly the post
 * text, so DOM selections map to text offsets.
 */
export function PostText({ postId, text, spans, onMarkClick }: PostTextProps) {
  const initialConfig = useMemo(
    () => ({
      namespace: `post-${postId}`,
      editable: false,
      nodes: [MarkNode, CodingMarkNode],
      theme,
      onError: (error: Error) => {
        throw error;
      },
      editorState: () => $setPostContent(text, spans),
    }),
    // The initial state only; later changes are applied by SyncContent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [postId],
  );
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <TextRoot postId={postId} onMarkClick={onMarkClick} />
      <SyncContent postId={postId} text={text} spans={spans} />
      <Register postId={postId} />
    </LexicalComposer>
  );
}

function TextRoot({ postId, onMarkClick }: { postId: string; onMarkClick: (postId: string, ids: string[]) => void }) {
  const [editor] = useLexicalComposerContext();
  const ref = useCallback((element: HTMLDivElement | null) => editor.setRootElement(element), [editor]);
  // A click that ends a drag is a text selection, not a click on a highlight. The pointer's travel
  // tells them apart (the selection itself may still be the one kept from the last coding).
  const pressedAt = useRef<{ x: number; y: number } | null>(null);
  const onMouseDown = (event: React.MouseEvent) => {
    pressedAt.current = { x: event.clientX, y: event.clientY };
  };
  const onClick = (event: React.MouseEvent) => {
    const from = pressedAt.current;
    if (from && Math.hypot(event.clientX - from.x, event.clientY - from.y) > 3) return;
    const mark = (event.target as HTMLElement).closest<HTMLElement>('mark[data-coding-ids]');
    if (mark?.dataset.codingIds) onMarkClick(postId, mark.dataset.codingIds.split(' '));
  };
  return <div ref={ref} className="post-text" data-post-text={postId} onMouseDown={onMouseDown} onClick={onClick} />;
}

function SyncContent({ postId, text, spans }: { postId: string; text: string; spans: readonly MarkSpan[] }) {
  const [editor] = useLexicalComposerContext();
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Rebuild only this post; discrete so the highlight is in the DOM before the next frame.
    editor.update(() => $setPostContent(text, spans), { discrete: true });
    const reselect = takeReselect(postId);
    const root = editor.getRootElement();
    if (reselect && root) restoreSelectionInFrame(postId, root, reselect.start, reselect.end);
  }, [editor, postId, text, spans]);
  return null;
}

function Register({ postId }: { postId: string }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => editorRegistry.register(postId, editor), [editor, postId]);
  return null;
}

export type { LexicalEditor };
