/**
 * A project with its people pseudonymised, for everything that leaves the researcher's machine:
 * each author and each person a text names (mentions, handles in links, an author's name written
 * out) becomes their alias (aliases.ts), profile and post links that carry a handle are replaced,
 * post variables naming a person are dropped, and every coding and relation end is carried to the
 * rewritten text (rewrite-text.ts) with its quote read again from it. Every export then runs on the
 * result as on any bundle, so CSV, XLSX, Parquet, REFI-QDA and the annotation standards agree.
 *
 * Left out: the project's secret and its journal (which holds records as they were).
 */
import { attributeValueId } from '../analysis/attributes/attribute-value';
import type { Bundle, BundleCoding } from '../bundle/bundle';
import type { Memo, Post, PostMeta, Relation, RelationEnd, Thread } from '../model/records';
import { sliceCodePoints } from '../text/offsets';
import { assignAliases, type AliasTable } from './aliases';
import { emptyReport, type DeidentificationReport } from './deidentification-report';
import { authorKey, familyOf, findPeople, urlPerson, type Found, type PlatformFamily } from './handles';
import { rewriteText, type Replacement, type Rewritten } from './rewrite-text';

/** One alias and whom it stands for: what the encrypted alias key holds. */
export interface AliasKeyEntry {
  alias: string;
  /** The identity key: platform family and handle (`x:jack`). */
  identity: string;
  /** Every spelling met: the author field, display names, mentions as written. */
  names: string[];
}

export interface Pseudonymised {
  bundle: Bundle;
  report: DeidentificationReport;
  /** alias → person, sorted by alias: for the lead's encrypted alias key only. */
  key: AliasKeyEntry[];
  /** A span on a post's pseudonymised text → the same words on the original (a returned file's codings). */
  restoreSpan(postId: string, start: number, end: number): { start: number; end: number };
}

/** Post variables that identify the author: dropped. */
const IDENTIFYING_META = new Set(['authorId', 'authorName', 'displayName', 'did', 'acct', 'authorChannelId', 'author_fullname', 'author_flair_text', 'author_handle', 'user_id', 'user_name', 'screen_name']);
/** Post variables that name another person by handle: their alias. */
const HANDLE_META = new Set(['replyToUser', 'repostedBy', 'boostedBy', 'in_reply_to_screen_name']);
/** Display names carried in post variables: written out in texts, they are the author's name too. */
const NAME_META = ['displayName', 'authorName'];

const WORD = /[\p{L}\p{N}_]/u;

/** The project's people and their aliases: computed once from the whole project (peopleOf). */
export interface People {
  table: AliasTable;
  /** An unknown handle's key → a known author's key with that handle (a memo's @jack, Mastodon's local @user). */
  resolve(key: string): string;
  names: RegExp | null;
  nameKeys: ReadonlyMap<string, string>;
  spellings: Map<string, Set<string>>;
}

export function pseudonymiseBundle(bundle: Bundle, secret: string): Pseudonymised {
  return pseudonymiseWith(bundle, collectPeople(bundle, secret));
}

/** The people of a whole project, for rewriting a part of it (a coder package) with the project's aliases. */
export function peopleOf(source: PeopleSource, secret: string): People {
  return collectPeople(source, secret);
}

/** A post's text as the pseudonymised project has it, with the offset maps both ways. */
export function rewritePost(post: Post, people: People): Rewritten {
  return rewriteWith(post.text, familyOf(post.platform), people, emptyReport());
}

/** `bundle` (the whole project or a part of it) rewritten with `people`'s aliases. */
export function pseudonymiseWith(bundle: Bundle, people: People): Pseudonymised {
  const report = emptyReport();
  const threadFamily = new Map(bundle.threads.map((t) => [t.id, familyOf(t.platform)]));
  const rewrite = (text: string, family: PlatformFamily): Rewritten => rewriteWith(text, family, people, report);

  const postRewrites = new Map<string, Rewritten>();
  const posts: Post[] = bundle.posts.map((post) => {
    const family = familyOf(post.platform);
    const key = authorKey(post.platform, post.author);
    const alias = key === null ? undefined : people.table.of(key);
    if (alias !== undefined) report.authorFields++;
    const text = rewrite(post.text, family);
    postRewrites.set(post.id, text);
    return {
      ...post,
      author: alias ?? post.author,
      text: text.text,
      url: scrubPostUrl(post, report),
      platformId: post.platformId !== null && /^at:\/\/did:/i.test(post.platformId) ? (report.platformIds++, null) : post.platformId,
      meta: scrubMeta(post.meta, family, people, report),
    };
  });
  const textOf = new Map(posts.map((p) => [p.id, p.text]));

  const codings: BundleCoding[] = bundle.codings.map((c) => {
    const moved = moveSpan(c, postRewrites.get(c.postId), textOf.get(c.postId));
    if (moved.start !== c.start || moved.end !== c.end) report.spansMoved++;
    return { ...c, ...moved, memo: rewrite(c.memo, 'other').text };
  });

  const out: Bundle = {
    ...bundle,
    project: withoutSecret(bundle.project),
    threads: bundle.threads.map((t) => ({ ...t, title: rewrite(t.title, familyOf(t.platform)).text, source: rewrite(t.source, familyOf(t.platform)).text })),
    posts,
    codings,
    journal: [],
  };
  report.journalEntries = bundle.journal?.length ?? 0;
  if (bundle.memos) out.memos = bundle.memos.map((m) => ({ ...m, text: rewrite(m.text, m.target.kind === 'thread' ? (threadFamily.get(m.target.id) ?? 'other') : 'other').text }));
  if (bundle.decisions) out.decisions = bundle.decisions.map((d) => ({ ...d, memo: rewrite(d.memo, 'other').text }));
  // A coder package's read-only lead memos are memos too.
  const lead = out.project.package;
  if (lead?.leadMemos) out.project = { ...out.project, package: { ...lead, leadMemos: lead.leadMemos.map((m) => ({ ...m, text: rewrite(m.text, 'other').text })) } };
  if (bundle.relations) out.relations = bundle.relations.map((r) => moveRelation(r, postRewrites, textOf, report, (memo) => rewrite(memo, 'other').text));
  if (bundle.attributeValues) {
    const authorScoped = new Set((bundle.attributes ?? []).filter((a) => a.scope === 'author').map((a) => a.id));
    const textTyped = new Set((bundle.attributes ?? []).filter((a) => a.type === 'text').map((a) => a.id));
    const aliasOfAuthor = authorAliases(bundle, people.table);
    out.attributeValues = bundle.attributeValues.flatMap((v) => {
      // A text value may name a person ("met @jack"): rewritten like a memo.
      const value = textTyped.has(v.attributeId) && typeof v.value === 'string' ? rewrite(v.value, 'other').text : v.value;
      if (!authorScoped.has(v.attributeId)) return [{ ...v, value }];
      const alias = aliasOfAuthor.get(v.subject);
      // An author no longer in the corpus has no alias: their value would name them, so it stays behind.
      if (alias === undefined) return [];
      report.attributeSubjects++;
      // The value's id is derived from its subject (a plain hash of the name): made again from the alias.
      return [{ ...v, id: attributeValueId(v.attributeId, alias), subject: alias, value }];
    });
  }

  report.people = people.table.aliases.size;
  report.authors = new Set(bundle.posts.map((p) => authorKey(p.platform, p.author)).filter((k): k is string => k !== null)).size;
  const key = [...people.table.aliases].map(([identity, alias]) => ({ alias, identity, names: [...(people.spellings.get(identity) ?? [])].sort() }));
  key.sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0));
  const restoreSpan = (postId: string, start: number, end: number) => {
    const rewrite = postRewrites.get(postId);
    return rewrite ? { start: rewrite.unmap(start, 'start'), end: rewrite.unmap(end, 'end') } : { start, end };
  };
  return { bundle: out, report, key, restoreSpan };
}

function withoutSecret(project: Bundle['project']): Bundle['project'] {
  const copy = { ...project };
  delete copy.pseudonymSecret;
  return copy;
}

/** What decides who the project's people are: its posts, titles and every memo. */
export interface PeopleSource {
  posts: readonly Post[];
  threads: readonly Thread[];
  codings: ReadonlyArray<{ memo: string }>;
  memos?: readonly Memo[] | undefined;
  decisions?: ReadonlyArray<{ memo: string }> | undefined;
  relations?: ReadonlyArray<{ memo: string }> | undefined;
}

/**
 * Each author's alias (by identity key, handles.ts authorKey) as every export of the project gives
 * it: the screen's "Show pseudonyms" reads it (shared/project/queries/author-aliases.ts).
 */
export function projectAliases(source: PeopleSource, secret: string): ReadonlyMap<string, string> {
  return collectPeople(source, secret).table.aliases;
}

/** Every person of the project, their aliases and the matcher for names written out. */
function collectPeople(bundle: PeopleSource, secret: string): People {
  const spellings = new Map<string, Set<string>>();
  const spelled = (key: string, spelling: string) => {
    let set = spellings.get(key);
    if (!set) spellings.set(key, (set = new Set()));
    if (spelling.trim() !== '') set.add(spelling.trim());
  };
  const authors = new Set<string>();
  for (const post of bundle.posts) {
    const key = authorKey(post.platform, post.author);
    if (key === null) continue;
    authors.add(key);
    spelled(key, post.author);
    for (const field of NAME_META) if (typeof post.meta[field] === 'string') spelled(key, post.meta[field]);
  }
  // A handle without its platform's family or instance → the one author with that handle, if one.
  const byHandle = new Map<string, string | null>();
  for (const key of authors) {
    const handle = key.slice(key.indexOf(':') + 1);
    for (const h of new Set([handle, handle.split('@')[0]!])) byHandle.set(h, byHandle.has(h) && byHandle.get(h) !== key ? null : key);
  }
  const resolve = (key: string): string => {
    if (authors.has(key)) return key;
    return byHandle.get(key.slice(key.indexOf(':') + 1)) ?? key;
  };

  const mentioned = new Set<string>();
  const scan = (text: string, family: PlatformFamily) => {
    for (const f of findPeople(text, family)) {
      const key = resolve(f.key);
      mentioned.add(key);
      if (f.kind === 'mention') spelled(key, text.slice(f.start, f.end));
    }
  };
  const familyOfThread = new Map(bundle.threads.map((t) => [t.id, familyOf(t.platform)]));
  for (const post of bundle.posts) {
    scan(post.text, familyOf(post.platform));
    for (const field of HANDLE_META) if (typeof post.meta[field] === 'string') mentioned.add(resolve(`${familyOf(post.platform)}:${post.meta[field].replace(/^@/, '').toLowerCase()}`));
  }
  for (const t of bundle.threads) {
    scan(t.title, familyOf(t.platform));
    scan(t.source, familyOf(t.platform));
  }
  for (const m of bundle.memos ?? []) scan(m.text, m.target.kind === 'thread' ? (familyOfThread.get(m.target.id) ?? 'other') : 'other');
  for (const c of bundle.codings) scan(c.memo, 'other');
  for (const d of bundle.decisions ?? []) scan(d.memo, 'other');
  for (const r of bundle.relations ?? []) scan(r.memo, 'other');

  const table = assignAliases(secret, [...authors, ...mentioned].sort());
  // Names written out: an author's handle or display name of three or more characters, as a whole word.
  const nameKeys = new Map<string, string>();
  for (const key of [...authors].sort()) {
    for (const name of spellings.get(key) ?? []) {
      const folded = name.replace(/^@|^\/?u\//i, '').toLowerCase();
      if ([...folded].length >= 3 && !nameKeys.has(folded)) nameKeys.set(folded, key);
    }
  }
  const alternatives = [...nameKeys.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp);
  const names = alternatives.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  return { table, resolve, names, nameKeys, spellings };
}

// Only syntax characters: a 'u' regex refuses identity escapes such as \-.
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function rewriteWith(text: string, family: PlatformFamily, people: People, report: DeidentificationReport): Rewritten {
  if (text === '') return rewriteText(text, []);
  const found: Found[] = findPeople(text, family);
  const taken = found.map((f) => [f.start, f.end] as const);
  if (people.names) {
    for (const m of text.matchAll(people.names)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      // An e-mail address or a longer handle that merely contains the name is not the name.
      if (text[start - 1] === '@' || text[end] === '@' || (start > 0 && WORD.test(text[start - 1]!))) continue;
      found.push({ start, end, kind: 'mention', key: people.nameKeys.get(m[0].toLowerCase())!, prefix: '' });
      report.names++;
    }
    found.sort((a, b) => a.start - b.start);
  }
  const replacements: Replacement[] = [];
  for (const f of found) {
    const alias = people.table.of(people.resolve(f.key));
    if (alias === undefined) continue;
    if (f.kind === 'url') {
      report.urls++;
      replacements.push({ start: f.start, end: f.end, text: f.prefix === 'profile' ? `[profile of ${alias}]` : `[post by ${alias}]` });
    } else {
      if (f.prefix !== '') report.mentions++;
      replacements.push({ start: f.start, end: f.end, text: `${f.prefix}${alias}` });
    }
  }
  return rewriteText(text, replacements);
}

/** A post address that names its author: X's handle-free `i/web` form, or nothing. */
function scrubPostUrl(post: Post, report: DeidentificationReport): string | null {
  if (post.url === null || urlPerson(post.url, familyOf(post.platform)) === null) return post.url;
  report.postUrls++;
  const status = /\/status(?:es)?\/(\d+)/.exec(post.url);
  return familyOf(post.platform) === 'x' && status ? `https://x.com/i/web/status/${status[1]}` : null;
}

function scrubMeta(meta: PostMeta, family: PlatformFamily, people: People, report: DeidentificationReport): PostMeta {
  const out: PostMeta = {};
  for (const [name, value] of Object.entries(meta)) {
    if (IDENTIFYING_META.has(name)) {
      report.metaFields++;
      continue;
    }
    if (HANDLE_META.has(name) && typeof value === 'string') {
      report.metaFields++;
      out[name] = people.table.of(people.resolve(`${family}:${value.replace(/^@/, '').toLowerCase()}`)) ?? null;
      continue;
    }
    out[name] = typeof value === 'string' ? rewriteWith(value, family, people, report).text : value;
  }
  return out;
}

function moveSpan(span: { start: number; end: number; quote?: string }, rewritten: Rewritten | undefined, text: string | undefined): { start: number; end: number; quote: string } {
  // A span on a post the bundle lacks is the bundle's own problem (validation names it): kept as it is.
  if (rewritten === undefined || text === undefined) return { start: span.start, end: span.end, quote: span.quote ?? '' };
  const start = rewritten.map(span.start, 'start');
  const end = rewritten.map(span.end, 'end');
  return { start, end, quote: sliceCodePoints(text, start, end) };
}

function moveRelation(r: Relation, rewrites: ReadonlyMap<string, Rewritten>, textOf: ReadonlyMap<string, string>, report: DeidentificationReport, memo: (text: string) => string): Relation {
  const end = (e: RelationEnd): RelationEnd => {
    if (e.start === undefined || e.end === undefined) return e;
    const moved = moveSpan({ start: e.start, end: e.end }, rewrites.get(e.postId), textOf.get(e.postId));
    if (moved.start !== e.start || moved.end !== e.end) report.spansMoved++;
    return { ...e, ...moved };
  };
  return { ...r, from: end(r.from), to: end(r.to), memo: memo(r.memo) };
}

/** Author name as stored (attribute subjects) → alias. */
function authorAliases(bundle: Bundle, table: AliasTable): Map<string, string> {
  const out = new Map<string, string>();
  for (const post of bundle.posts) {
    const key = authorKey(post.platform, post.author);
    const alias = key === null ? undefined : table.of(key);
    if (alias !== undefined && !out.has(post.author)) out.set(post.author, alias);
  }
  return out;
}
