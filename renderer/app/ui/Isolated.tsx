import { Fragment, memo, type ReactNode } from 'react';

/**
 * A name that came from someone's data (author, code, coder, project, thread) shown so that its
 * own direction and any bidi control characters in it stay inside it: `<bdi>` isolates its text
 * (unicode-bidi: isolate, direction from its first strong character), so a right-to-left override
 * in a code's name can never reorder the words that follow. The name itself is never altered.
 * Memoized: a name as text is the same prop when its parent re-renders (the header, with every coding).
 */
export const Isolated = memo(function Isolated({ children, className, title }: { children: ReactNode; className?: string; title?: string }) {
  return (
    <bdi className={className} title={title}>
      {children}
    </bdi>
  );
});

/** Names joined with ", ", each isolated; `empty` when there are none. */
export function IsolatedList({ names, empty }: { names: readonly string[]; empty: string }) {
  if (names.length === 0) return <>{empty}</>;
  return (
    <>
      {names.map((name, i) => (
        <Fragment key={i}>
          {i > 0 ? ', ' : null}
          <bdi>{name}</bdi>
        </Fragment>
      ))}
    </>
  );
}
