import { useCallback, useRef, useState } from 'react';

export interface Announcement {
  message: string;
  tone: 'info' | 'error';
  /** Bumps on each call so repeating the same message is spoken again. */
  serial: number;
}

export function useAnnouncer() {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const serial = useRef(0);
  const announce = useCallback((message: string, tone: 'info' | 'error' = 'info') => {
    serial.current += 1;
    setAnnouncement({ message, tone, serial: serial.current });
  }, []);
  return { announcement, announce };
}

export function StatusLine({ announcement }: { announcement: Announcement | null }) {
  return (
    <div className="status-line" role="status" aria-live="polite" data-tone={announcement?.tone ?? 'info'}>
      {announcement ? <span key={announcement.serial}>{announcement.message}</span> : null}
    </div>
  );
}
