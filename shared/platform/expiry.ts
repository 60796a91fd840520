/**
 * Dataset expiry (platform terms): a project's date, or a thread's own, after which the data must
 * be deleted or its permission renewed. The app shows a reminder from `REMIND_DAYS` before the day.
 */
import type { Project, Thread } from '../model/records';

export const isIsoDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** Days before an expiry date that the reminder starts showing. */
export const REMIND_DAYS = 14;

export interface ExpiryNotice {
  /** "past": the day has come or gone; "due": within REMIND_DAYS. */
  state: 'past' | 'due';
  /** The earliest expiry date that is due or past. */
  date: string;
  /** What it applies to: the project, or how many threads. */
  project: boolean;
  threadIds: string[];
  /** Days until the date (negative once past). */
  days: number;
}

const DAY_MS = 86_400_000;

/** Each thread's expiry: its own, else the project's (undefined: none). */
export const threadExpiry = (thread: Thread, project: Project | undefined): string | undefined => thread.expiresAt ?? project?.expiresAt;

/** The reminder to show on `today` ("YYYY-MM-DD"), or null when nothing is due within REMIND_DAYS. */
export function expiryNotice(project: Project | undefined, threads: readonly Thread[], today: string): ExpiryNotice | null {
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const daysTo = (day: string): number => Math.round((Date.parse(`${day}T00:00:00Z`) - todayMs) / DAY_MS);
  const due: Array<{ date: string; threadId: string | null }> = [];
  if (project?.expiresAt && daysTo(project.expiresAt) <= REMIND_DAYS) due.push({ date: project.expiresAt, threadId: null });
  for (const t of threads) if (t.expiresAt && daysTo(t.expiresAt) <= REMIND_DAYS) due.push({ date: t.expiresAt, threadId: t.id });
  if (due.length === 0) return null;
  const date = due.map((d) => d.date).sort()[0] as string;
  const days = daysTo(date);
  return { state: days <= 0 ? 'past' : 'due', date, days, project: due.some((d) => d.threadId === null), threadIds: due.flatMap((d) => (d.threadId ? [d.threadId] : [])) };
}
