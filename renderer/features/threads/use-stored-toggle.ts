import { useCallback, useState } from 'react';

/** Reads a remembered on/off; storage that is missing or refuses (private mode) gives the default. */
function read(key: string, fallback: boolean): boolean {
  try {
    const value = localStorage.getItem(key);
    return value === null ? fallback : value === 'on';
  } catch {
    return fallback;
  }
}

/** An on/off view setting remembered across reloads in localStorage (this origin), like the pane sizes. */
export function useStoredToggle(key: string, fallback: boolean): [boolean, () => void] {
  const [on, setOn] = useState(() => read(key, fallback));
  const toggle = useCallback(() => {
    setOn((prev) => {
      try {
        localStorage.setItem(key, prev ? 'off' : 'on');
      } catch {
        // Not remembered: the setting still changes for this session.
      }
      return !prev;
    });
  }, [key]);
  return [on, toggle];
}
