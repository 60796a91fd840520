import type { ProjectCounts } from '../../db/registry/registry-db';

const plural = (n: number, noun: string): string => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

/** "1 thread, 57 posts and 3 codings". */
export const countsText = ({ threads, posts, codings }: ProjectCounts): string => `${plural(threads, 'thread')}, ${plural(posts, 'post')} and ${plural(codings, 'coding')}`;

const when = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "Last opened 12 Mar 2025, 10:00", or "Never opened". */
export function openedText(openedAt: string | null): string {
  if (!openedAt) return 'Never opened';
  const date = new Date(openedAt);
  return Number.isNaN(date.getTime()) ? 'Never opened' : `Last opened ${when.format(date)}`;
}
