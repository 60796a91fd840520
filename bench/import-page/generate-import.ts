/**
 * A deterministic synthetic Reddit corpus for the import bench: N posts (submissions and comments)
 * across ~N/100 threads, written either as a Pushshift / Arctic Shift NDJSON dump or as the same
 * posts in a generic CSV (`id,parent_id,thread_id,author,created_at,text,score`, RFC 4180).
 *
 * - Seeded (mulberry32), no Math.random: the same seed and N give byte-identical files.
 * - Thread sizes are heavy-tailed (log-normal), replies nest realistically: ~35 % answer the
 *   submission, the rest a recent earlier comment of the same thread (depth median ~3, max ~30).
 * - The dump is in created_utc order, as a real one is: threads interleave, a parent always comes
 *   before its replies, ids (base36) grow with time; t1 and t3 ids never collide.
 * - Texts are 20–600 characters (skewed short, as real comments are); ~10 % carry emoji or
 *   non-ASCII letters, some have a second paragraph, a `> quote` line or "double quotes".
 *   Everything is NFC with LF line ends, and no `&` `<` `>` entity questions arise (a `>` quote
 *   marks the record raw), so the app stores the very same text from both files.
 *
 * Pure: no DOM beyond Blob/File, so the page builds the file before any timing starts.
 */
import { createRandom } from '../page/generate-thread';

export type ImportFormat = 'ndjson' | 'csv';

export interface GeneratedImport {
  file: File;
  format: ImportFormat;
  posts: number;
  threads: number;
  comments: number;
  /** Largest thread (posts including its submission). */
  largestThread: number;
  /** Reply depth of comments (a top-level comment is 1). */
  depth: { median: number; p90: number; max: number };
  /** Posts whose text has a character outside ASCII. */
  nonAsciiPosts: number;
  textChars: { median: number; mean: number };
}

const WORDS = (
  'the a of to and in that is was for on it with as he she they be at by this had not but from or have an ' +
  'are which one you were her all their there been has when who will more no if out so said what up its about ' +
  'into than them can only other new some could time these two may then do first any my now such like our over ' +
  'even most made after also did many before must through back years where much your way well down should ' +
  'because each just those people how too little good very make world still own see work long get here ' +
  'between both life being under never day same another know while last might us great old year off come since ' +
  'against go came right used take three source claim study paper data sample thread mod rule post comment ' +
  'upvote downvote edit deleted removed council housing rent wages school hospital budget court protest ' +
  'honestly literally basically apparently actually seriously obviously imo tbh lol'
).split(' ');

/** Non-ASCII words and emoji, all NFC (normalizeText leaves them as they are). */
const EXOTIC = [
  'café', 'naïve', 'Zürich', 'São Paulo', 'Straße', 'façade', 'jalapeño', 'smörgåsbord', 'Ærø', 'Łódź',
  'мир', 'спасибо', 'ελληνικά', '日本語', '東京', '한국어', 'مرحبا', 'שלום', '—', '…', '€15', '½',
  '😂', '👍', '🔥', '🤔', '🙃', '👍🏽', '🇳🇱', '❤️', '👩🏽‍💻', '🤷‍♀️',
];

const SUBREDDITS: ReadonlyArray<{ name: string; id: string }> = [
  { name: 'AskHistorians', id: 't5_2ssp3' },
  { name: 'europe', id: 't5_2qh4j' },
  { name: 'science', id: 't5_mouw' },
  { name: 'unitedkingdom', id: 't5_2qhqb' },
  { name: 'de', id: 't5_22i0' },
  { name: 'changemyview', id: 't5_2w2s8' },
];

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'xi', 'ze', 'po', 'quo', 'dr', 'sh', 'an', 'el', 'or'];

/** Usernames as Reddit allows them: letters, digits, `_` and `-`, 3–20 characters. */
function makeAuthors(count: number, random: () => number): string[] {
  const seen = new Set<string>();
  const authors: string[] = [];
  while (authors.length < count) {
    let name = '';
    const parts = 2 + Math.floor(random() * 3);
    for (let i = 0; i < parts; i++) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (random() < 0.5) name = name.charAt(0).toUpperCase() + name.slice(1);
    const tail = random();
    if (tail < 0.4) name += String(Math.floor(random() * 9999));
    else if (tail < 0.55) name += `_${SYLLABLES[Math.floor(random() * SYLLABLES.length)]}`;
    else if (tail < 0.65) name += `-${Math.floor(random() * 99)}`;
    name = name.slice(0, 20);
    if (name.length < 3 || seen.has(name)) continue;
    seen.add(name);
    authors.push(name);
  }
  return authors;
}

/** Standard normal from two uniforms (Box–Muller). */
function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function sentence(random: () => number, target: number, exotic: boolean): string {
  const words: string[] = [];
  let length = 0;
  let start = true;
  while (length < target) {
    let word = exotic && random() < 0.12 ? EXOTIC[Math.floor(random() * EXOTIC.length)]! : WORDS[Math.floor(random() * WORDS.length)]!;
    if (start) word = word.charAt(0).toUpperCase() + word.slice(1);
    start = random() < 0.1;
    if (start) word += random() < 0.2 ? '?' : '.';
    else if (random() < 0.05) word += ',';
    words.push(word);
    length += word.length + 1;
  }
  let text = words.join(' ');
  if (!/[.?!]$/.test(text)) text += '.';
  return text;
}

/** One post's text, 20–600 characters (skewed short), from its own seed. */
function postText(seed: number, short: boolean): { text: string; exotic: boolean } {
  const random = createRandom(seed);
  const exotic = random() < 0.1;
  const r = random();
  const target = short ? 21 + Math.floor(r * 100) : 21 + Math.floor(r * r * 560);
  let text = sentence(random, target, exotic);
  if (short) return { text: text.replace(/[.,?]?$/, '').trim(), exotic };
  if (exotic && !/[\u0080-\uffff]/.test(text)) text += ` ${EXOTIC[Math.floor(random() * EXOTIC.length)]}`;
  const extra = random();
  if (extra < 0.06) text = `> ${sentence(random, 20 + Math.floor(random() * 80), false)}\n\n${text}`;
  else if (extra < 0.1) {
    // Quote whole words (cuts only at spaces, so no emoji or surrogate pair is split).
    const cut = text.indexOf(' ', Math.floor(text.length / 3));
    const end = cut > 0 ? text.indexOf(' ', cut + 15) : -1;
    if (end > cut) text = `${text.slice(0, cut)} "${text.slice(cut + 1, end)}"${text.slice(end)}`;
  }
  if (random() < 0.12 && text.length > 80) {
    const cut = text.indexOf(' ', Math.floor(text.length / 2));
    if (cut > 0) text = `${text.slice(0, cut)}\n\n${text.slice(cut + 1)}`;
  }
  return { text: atMost(text, 600), exotic };
}

/** Cut at the last space before `max` characters: never inside a word, emoji or surrogate pair. */
function atMost(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return text.slice(0, cut > 0 ? cut : max).trimEnd();
}

interface Structure {
  /** Per post: its thread (submission is the thread's first post). */
  thread: Int32Array;
  /** Per post: its parent post, -1 for a submission. */
  parent: Int32Array;
  /** Per post: created_utc (seconds). */
  time: Float64Array;
  depth: Int32Array;
  /** Per thread: its submission's post index. */
  submission: Int32Array;
  /** Per thread: its number of comments. */
  comments: Int32Array;
}

const BASE_TIME = Date.UTC(2024, 2, 1) / 1000;
const THIRTY_DAYS = 30 * 24 * 3600;

function buildStructure(n: number, random: () => number): Structure {
  const threads = Math.max(1, Math.min(n, Math.round(n / 100)));
  const commentTotal = n - threads;
  // Heavy-tailed thread sizes (log-normal weights), exactly commentTotal comments in all.
  const weights = Array.from({ length: threads }, () => Math.exp(1.1 * normal(random)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const comments = new Int32Array(threads);
  let assigned = 0;
  for (let t = 0; t < threads; t++) {
    comments[t] = Math.floor((commentTotal * weights[t]!) / sum);
    assigned += comments[t]!;
  }
  for (let t = 0; assigned < commentTotal; t = (t + 1) % threads, assigned++) comments[t]!++;

  const thread = new Int32Array(n);
  const parent = new Int32Array(n);
  const time = new Float64Array(n);
  const depth = new Int32Array(n);
  const submission = new Int32Array(threads);
  let at = 0;
  for (let t = 0; t < threads; t++) {
    const root = at++;
    submission[t] = root;
    thread[root] = t;
    parent[root] = -1;
    time[root] = BASE_TIME + Math.floor(random() * THIRTY_DAYS);
    for (let j = 0; j < comments[t]!; j++) {
      const index = at++;
      // Top-level (35 %) or a reply to one of the last 30 comments, recent ones likelier.
      let p = root;
      if (j > 0 && random() >= 0.35) {
        const back = Math.floor(random() * random() * Math.min(j, 30));
        p = index - 1 - back;
      }
      thread[index] = t;
      parent[index] = p;
      depth[index] = depth[p]! + 1;
      // 20 s to a few hours after its parent (exponential, mean 40 min).
      time[index] = time[p]! + 20 + Math.floor(-Math.log(1 - random()) * 2400);
    }
  }
  return { thread, parent, time, depth, submission, comments };
}

function quantile(sorted: Int32Array | number[], q: number): number {
  return sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0);
}

/** CSV cell, RFC 4180: quoted, inner quotes doubled. */
const quoted = (value: string): string => `"${value.replace(/"/g, '""')}"`;

/** Collects lines into ~1 MB strings, then Blob parts: nothing holds the whole file as one string. */
class PartWriter {
  readonly parts: string[] = [];
  private lines: string[] = [];
  private chars = 0;

  push(line: string): void {
    this.lines.push(line);
    this.chars += line.length;
    if (this.chars > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.lines.length > 0) this.parts.push(this.lines.join(''));
    this.lines = [];
    this.chars = 0;
  }
}

export function generateImport(format: ImportFormat, n: number, seed = 20260511): GeneratedImport {
  const random = createRandom(seed);
  const authors = makeAuthors(Math.max(50, Math.min(20_000, Math.round(n / 8))), random);
  const s = buildStructure(n, random);
  const threads = s.submission.length;

  // Dump order: by created_utc, submissions before comments of the same second, then generation order.
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => s.time[a]! - s.time[b]! || (s.parent[a] === -1 ? 0 : 1) - (s.parent[b] === -1 ? 0 : 1) || a - b);

  // Ids grow with time; submissions (t3) and comments (t1) come from disjoint ranges.
  const ids: string[] = new Array<string>(n);
  let nextSubmission = 36 ** 6 + 7_777;
  let nextComment = 20 * 36 ** 6 + 123_457;
  for (const i of order) {
    if (s.parent[i] === -1) ids[i] = (nextSubmission += 1 + Math.floor(random() * 40)).toString(36);
    else ids[i] = (nextComment += 1 + Math.floor(random() * 40)).toString(36);
  }

  const out = new PartWriter();
  if (format === 'csv') out.push('id,parent_id,thread_id,author,created_at,text,score\r\n');
  let nonAsciiPosts = 0;
  const lengths: number[] = [];
  for (const i of order) {
    const t = s.thread[i]!;
    const isSubmission = s.parent[i] === -1;
    const threadId = ids[s.submission[t]!]!;
    const sub = SUBREDDITS[t % SUBREDDITS.length]!;
    const authorIndex = Math.floor(createRandom((seed ^ Math.imul(i, 2654435761)) >>> 0)() * authors.length);
    const author = authors[authorIndex]!;
    const authorFullname = `t2_${(1_000_000 + authorIndex * 7919).toString(36)}`;
    const local = createRandom((seed + i * 97 + 13) >>> 0);
    const score = Math.floor(Math.exp(local() * 6)) - 3;
    const created = s.time[i]!;
    let text: string;
    let exotic: boolean;
    let record: Record<string, unknown>;
    if (isSubmission) {
      const title = postText((seed + i * 31 + 1) >>> 0, true);
      const isSelf = local() < 0.6;
      const self = isSelf ? postText((seed + i * 31 + 2) >>> 0, false) : { text: '', exotic: false };
      text = self.text === '' ? title.text : `${title.text}\n\n${self.text}`;
      exotic = title.exotic || self.exotic;
      record = {
        author,
        author_flair_text: null,
        author_fullname: authorFullname,
        created_utc: created,
        distinguished: null,
        domain: isSelf ? `self.${sub.name}` : 'example.org',
        edited: false,
        gilded: 0,
        id: ids[i],
        is_self: isSelf,
        link_flair_text: local() < 0.3 ? 'Discussion' : null,
        locked: false,
        name: `t3_${ids[i]}`,
        num_comments: s.comments[t],
        over_18: false,
        permalink: `/r/${sub.name}/comments/${ids[i]}/bench_thread/`,
        retrieved_on: created + 86_400 * 3,
        score,
        selftext: self.text,
        spoiler: false,
        stickied: false,
        subreddit: sub.name,
        subreddit_id: sub.id,
        title: title.text,
        upvote_ratio: Math.round((0.5 + local() / 2) * 100) / 100,
        url: isSelf ? `https://www.reddit.com/r/${sub.name}/comments/${ids[i]}/bench_thread/` : `https://example.org/article/${ids[i]}`,
      };
    } else {
      const body = postText((seed + i * 31 + 3) >>> 0, false);
      text = body.text;
      exotic = body.exotic;
      const p = s.parent[i]!;
      const parentIsSubmission = s.parent[p] === -1;
      record = {
        all_awardings: [],
        author,
        author_flair_text: local() < 0.1 ? 'Verified' : null,
        author_fullname: authorFullname,
        body: text,
        controversiality: local() < 0.03 ? 1 : 0,
        created_utc: created,
        distinguished: null,
        edited: local() < 0.05 ? created + 600 : false,
        gilded: 0,
        id: ids[i],
        is_submitter: false,
        link_id: `t3_${threadId}`,
        name: `t1_${ids[i]}`,
        parent_id: `${parentIsSubmission ? 't3' : 't1'}_${ids[p]}`,
        permalink: `/r/${sub.name}/comments/${threadId}/bench_thread/${ids[i]}/`,
        retrieved_on: created + 86_400 * 3,
        score,
        stickied: false,
        subreddit: sub.name,
        subreddit_id: sub.id,
      };
    }
    if (exotic || /[\u0080-\uffff]/.test(text)) nonAsciiPosts++;
    lengths.push(text.length);
    if (format === 'ndjson') out.push(`${JSON.stringify(record)}\n`);
    else {
      const parentId = isSubmission ? '' : ids[s.parent[i]!]!;
      const iso = new Date(created * 1000).toISOString();
      out.push(`${ids[i]},${parentId},${threadId},${author},${iso},${quoted(text)},${score}\r\n`);
    }
  }
  out.flush();
  const name = format === 'ndjson' ? 'r_bench_2024-03.ndjson' : 'bench-posts-2024-03.csv';
  const file = new File(out.parts, name, { type: format === 'ndjson' ? 'application/x-ndjson' : 'text/csv' });

  const commentDepths = Int32Array.from(s.depth.filter((_, i) => s.parent[i] !== -1)).sort();
  lengths.sort((a, b) => a - b);
  return {
    file,
    format,
    posts: n,
    threads,
    comments: n - threads,
    largestThread: Math.max(...s.comments) + 1,
    depth: { median: quantile(commentDepths, 0.5), p90: quantile(commentDepths, 0.9), max: quantile(commentDepths, 1) },
    nonAsciiPosts,
    textChars: { median: quantile(lengths, 0.5), mean: Math.round(lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length)) },
  };
}
