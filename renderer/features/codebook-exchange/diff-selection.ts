/**
 * How the diff view groups a codebook diff, what is ticked at first and what the ticks will do.
 * Nothing is overwritten silently: only added codes start ticked, and "Take all" leaves a removal
 * that would delete codings for the researcher to tick on its own.
 */
import type { CodebookDiffEntry } from '@shared/codebook/codebook-diff';
import { count } from '@shared/codebook/codebook-problem';

export type DiffGroupId = 'added' | 'removed' | 'renamed' | 'moved' | 'definition' | 'criteria' | 'examples' | 'appearance' | 'status';

export interface DiffGroup {
  id: DiffGroupId;
  title: string;
  entries: CodebookDiffEntry[];
}

const GROUP_TITLES: Record<DiffGroupId, string> = {
  added: 'Added',
  removed: 'Removed',
  renamed: 'Renamed',
  moved: 'Moved',
  definition: 'Changed definition',
  criteria: 'Changed criteria',
  examples: 'Changed examples',
  appearance: 'Changed colour or shortcut',
  status: 'Changed status',
};

export function groupOf(entry: CodebookDiffEntry): DiffGroupId {
  if (entry.kind !== 'changed') return entry.kind;
  switch (entry.field) {
    case 'definition':
      return 'definition';
    case 'inclusion':
    case 'exclusion':
      return 'criteria';
    case 'examples':
      return 'examples';
    case 'color':
    case 'shortcut':
      return 'appearance';
    case 'codable':
    case 'retired':
      return 'status';
  }
}

/** The non-empty groups in a fixed order; entries keep the diff's (tree) order within a group. */
export function groupDiff(entries: readonly CodebookDiffEntry[]): DiffGroup[] {
  const byGroup = new Map<DiffGroupId, CodebookDiffEntry[]>();
  for (const entry of entries) {
    const id = groupOf(entry);
    byGroup.set(id, [...(byGroup.get(id) ?? []), entry]);
  }
  return (Object.keys(GROUP_TITLES) as DiffGroupId[]).flatMap((id) => {
    const list = byGroup.get(id);
    return list ? [{ id, title: GROUP_TITLES[id], entries: list }] : [];
  });
}

/** Codings each removal would delete: the code's own (its sub-codes move up and keep theirs). */
export function codingsOfRemoval(entry: CodebookDiffEntry, codingCounts: ReadonlyMap<string, number>): number {
  return entry.kind === 'removed' ? (codingCounts.get(entry.currentId) ?? 0) : 0;
}

/** Added codes are taken; every change to a code the project has is left until ticked. */
export function defaultTaken(entries: readonly CodebookDiffEntry[]): Set<string> {
  return new Set(entries.filter((e) => e.kind === 'added').map((e) => e.key));
}

/** Everything, except a removal that would delete codings: that one is ticked on its own. */
export function takeAllKeys(entries: readonly CodebookDiffEntry[], codingCounts: ReadonlyMap<string, number>): Set<string> {
  return new Set(entries.filter((e) => codingsOfRemoval(e, codingCounts) === 0).map((e) => e.key));
}

/** Removed codes whose codings the taken entries delete, with how many: what the researcher agrees to. */
export function codingsToDelete(entries: readonly CodebookDiffEntry[], taken: ReadonlySet<string>, codingCounts: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) {
    const n = codingsOfRemoval(e, codingCounts);
    if (e.kind === 'removed' && n > 0 && taken.has(e.key)) out.set(e.currentId, n);
  }
  return out;
}

/** "Takes 3 of 5 changes: adds 2 codes and renames 1. 2 changes are left as they are." */
export function selectionSummary(entries: readonly CodebookDiffEntry[], taken: ReadonlySet<string>, codingCounts: ReadonlyMap<string, number>): string {
  const chosen = entries.filter((e) => taken.has(e.key));
  if (chosen.length === 0) return entries.length === 0 ? 'Nothing differs.' : 'Nothing is ticked: the codebook stays as it is.';
  const n = (kind: CodebookDiffEntry['kind']): number => chosen.filter((e) => e.kind === kind).length;
  const deleted = [...codingsToDelete(entries, taken, codingCounts).values()].reduce((a, b) => a + b, 0);
  const actions = [
    n('added') > 0 ? `adds ${count(n('added'), 'code')}` : '',
    n('renamed') > 0 ? `renames ${count(n('renamed'), 'code')}` : '',
    n('moved') > 0 ? `moves ${count(n('moved'), 'code')}` : '',
    n('changed') > 0 ? `changes ${count(n('changed'), 'field')}` : '',
    n('removed') > 0 ? `removes ${count(n('removed'), 'code')}${deleted > 0 ? ` (deleting ${count(deleted, 'coding')})` : ''}` : '',
  ].filter(Boolean);
  const left = entries.length - chosen.length;
  const rest = left === 0 ? '' : ` ${count(left, 'change')} ${left === 1 ? 'is' : 'are'} left as ${left === 1 ? 'it is' : 'they are'}.`;
  return `Takes ${chosen.length} of ${count(entries.length, 'change')}: ${joinList(actions)}.${rest}`;
}

function joinList(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
