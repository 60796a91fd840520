/**
 * What pseudonymising a project replaced, per kind, in counts: shown by the app after an export and
 * printed by `threadmark export`. It names aliases' count, never a real name, so it can travel
 * with the export it describes.
 */
export interface DeidentificationReport {
  /** Distinct people given an alias: authors and people only mentioned. */
  people: number;
  /** Distinct authors among them. */
  authors: number;
  /** Posts whose author field became an alias. */
  authorFields: number;
  /** @-mentions and u/ mentions replaced in post texts, titles and memos. */
  mentions: number;
  /** An author's name or display name written without @, replaced. */
  names: number;
  /** Links in texts that named a person (profiles, posts under a handle), replaced. */
  urls: number;
  /** Post addresses that named their author: replaced by a handle-free form or removed. */
  postUrls: number;
  /** Platform ids that named their author (Bluesky at:// URIs), removed. */
  platformIds: number;
  /** Post variables naming a person (author id, display name, flair, reposted by…), removed or replaced. */
  metaFields: number;
  /** Author attribute values moved to their author's alias. */
  attributeSubjects: number;
  /** Codings and relation ends whose offsets moved with the rewritten text (quotes re-read from it). */
  spansMoved: number;
  /** History entries left out (the journal holds records as they were). */
  journalEntries: number;
}

export const emptyReport = (): DeidentificationReport => ({
  people: 0,
  authors: 0,
  authorFields: 0,
  mentions: 0,
  names: 0,
  urls: 0,
  postUrls: 0,
  platformIds: 0,
  metaFields: 0,
  attributeSubjects: 0,
  spansMoved: 0,
  journalEntries: 0,
});

const n = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** The report as lines for a terminal or a dialog, one kind each. */
export function reportLines(r: DeidentificationReport): string[] {
  return [
    `Authors: ${n(r.authors, 'author')} (${n(r.authorFields, 'post')}) replaced by aliases; ${n(r.people, 'person', 'people')} aliased in all`,
    `Mentions: ${n(r.mentions, 'mention')} and ${n(r.names, 'name')} written out replaced in texts, titles and memos`,
    `URLs: ${n(r.urls, 'link')} in texts, ${n(r.postUrls, 'post address', 'post addresses')} and ${n(r.platformIds, 'platform id')} naming a person replaced or removed`,
    `Post variables: ${n(r.metaFields, 'field')} naming a person removed or replaced; ${n(r.attributeSubjects, 'author attribute value')} moved to aliases`,
    `Offsets: ${n(r.spansMoved, 'coded span')} moved with the rewritten text; ${n(r.journalEntries, 'history entry', 'history entries')} left out`,
  ];
}
