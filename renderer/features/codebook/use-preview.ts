import type { Problem } from '@shared/problem/problem';
import { useEffect, useState } from 'react';

import type { Result } from '@shared/util/result';

import { problemText } from './problem-text';

export interface Preview {
  ok: boolean;
  /** What the operation will do, or why it cannot be done. */
  text: string;
}

/**
 * Reads a repository preview (previewMerge, previewSplit) whenever its inputs change and says it
 * as text; a slower, older answer never replaces a newer one. `read` null: nothing to preview yet.
 */
export function usePreview<T>(read: (() => Promise<Result<T, Problem>>) | null, say: (plan: T) => string, deps: readonly unknown[]): Preview | null {
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    if (!read) {
      setPreview(null);
      return;
    }
    let current = true;
    void read().then(
      (result) => current && setPreview(result.ok ? { ok: true, text: say(result.value) } : { ok: false, text: problemText(result.error) }),
      (error: unknown) => current && setPreview({ ok: false, text: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
    // The caller lists what `read` and `say` depend on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return preview;
}
