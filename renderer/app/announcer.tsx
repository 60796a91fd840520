import { useCallback, useEffect, useRef, useState } from 'react';

import './status-line.css';

export interface Announcement {
  message: string;
  tone: 'info' | 'error';
  /** Bumps on each call so repeating the same message is spoken again. */
  serial: number;
}

/** How long a message stays on screen; errors stay longer so they can be read. */
const VISIBLE_MS = { info: 6000, error: 12000 } as const;

export function useAnnouncer() {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const serial = useRef(0);
  const announce = useCallback((message: string, tone: 'info' | 'error' = 'info') => {
    serial.current += 1;
    setAnnouncement({ message, tone, serial: serial.current });
  }, []);
  useEffect(() => {
    if (!announcement) return;
    const timer = window.setTimeout(() => setAnnouncement(null), VISIBLE_MS[announcement.tone]);
    return () => window.clearTimeout(timer);
  }, [announcement]);
  return { announcement, announce };
}

/** The app's messages, in a bar of their own at the window's foot (status-line.css): never over a post. */
export function StatusLine({ announcement }: { announcement: Announcement | null }) {
  return (
    <div className="status-line" role="status" aria-live="polite" data-tone={announcement?.tone ?? 'info'}>
      {announcement ? (
        <span key={announcement.serial} title={announcement.message}>
          {announcement.message}
        </span>
      ) : null}
    </div>
  );
}
