import { useEffect, useMemo, useSyncExternalStore } from 'react';

import './status-line.css';

export interface Announcement {
  message: string;
  tone: 'info' | 'error';
  /** Bumps on each call so repeating the same message is spoken again. */
  serial: number;
}

/** How long a message stays on screen; errors stay longer so they can be read. */
const VISIBLE_MS = { info: 6000, error: 12000 } as const;

/**
 * The status line's message, kept outside React state: announcing re-renders the status line
 * alone, never the app and its workspace (each coding announces; issue 15's coding budget).
 */
export class Announcer {
  private current: Announcement | null = null;
  private serial = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  readonly announce = (message: string, tone: 'info' | 'error' = 'info'): void => {
    this.serial += 1;
    this.show({ message, tone, serial: this.serial });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.show(null), VISIBLE_MS[tone]);
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly announcement = (): Announcement | null => this.current;

  dispose(): void {
    clearTimeout(this.timer);
  }

  private show(announcement: Announcement | null): void {
    this.current = announcement;
    for (const listener of [...this.listeners]) listener();
  }
}

/** The app's announcer, for as long as the component that made it is mounted. */
export function useAnnouncer(): Announcer {
  const announcer = useMemo(() => new Announcer(), []);
  useEffect(() => () => announcer.dispose(), [announcer]);
  return announcer;
}

/** The app's messages, in a bar of their own at the window's foot (status-line.css): never over a post. */
export function StatusLine({ announcer }: { announcer: Announcer }) {
  const announcement = useSyncExternalStore(announcer.subscribe, announcer.announcement);
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
