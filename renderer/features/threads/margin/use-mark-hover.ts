import { useEffect, useState } from 'react';

/** The codings lit up in a post: from a bracket (hovered or focused) or from a highlight under the pointer. */
export interface Hot {
  ids: readonly string[];
  from: 'margin' | 'text';
}

const HOT_CLASS = 'coding-mark-hot';

/**
 * Links a post's brackets and its highlights both ways: a lit bracket outlines every highlight
 * piece of its coding; a highlight under the pointer lights the brackets of the codings it lists.
 * The class is set on Lexical's mark elements directly: it is a passing view state, never content.
 */
export function useMarkHover(textRoot: () => HTMLElement | null): [Hot | null, (hot: Hot | null) => void] {
  const [hot, setHot] = useState<Hot | null>(null);

  useEffect(() => {
    const text = textRoot();
    if (!text) return;
    const over = (event: MouseEvent) => {
      const mark = (event.target as Element | null)?.closest?.<HTMLElement>('mark[data-coding-ids]');
      const ids = mark?.dataset.codingIds?.split(' ') ?? [];
      setHot((prev) => {
        if (ids.length === 0) return prev?.from === 'text' ? null : prev;
        return prev?.from === 'text' && prev.ids.join(' ') === ids.join(' ') ? prev : { ids, from: 'text' };
      });
    };
    const leave = () => setHot((prev) => (prev?.from === 'text' ? null : prev));
    text.addEventListener('mouseover', over);
    text.addEventListener('mouseleave', leave);
    return () => {
      text.removeEventListener('mouseover', over);
      text.removeEventListener('mouseleave', leave);
    };
  }, [textRoot]);

  useEffect(() => {
    const text = textRoot();
    if (!text) return;
    const ids = hot?.from === 'margin' ? hot.ids : [];
    for (const mark of text.querySelectorAll<HTMLElement>('mark[data-coding-ids]')) {
      const lit = ids.length > 0 && (mark.dataset.codingIds?.split(' ') ?? []).some((id) => ids.includes(id));
      mark.classList.toggle(HOT_CLASS, lit);
    }
  });

  return [hot, setHot];
}
