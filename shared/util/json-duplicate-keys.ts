/**
 * The first object key that appears twice in one JSON object. JSON.parse keeps the last silently
 * (and a reviver never sees the first), so `{"id": "a", …, "id": "b"}` would be read as whatever the
 * last one says while another tool reads the first: such a file is refused instead (issue 14).
 *
 * One pass over text JSON.parse has already accepted, so it is well-formed: strings are skipped with
 * indexOf (most of a bundle's bytes are post text), and only keys are compared, in a list per open
 * object reused across objects (a set once an object has many keys), so no allocation per object.
 * Cost: about a tenth of a bundle read (`node bench/run.mjs --only limits`, a 98 MB bundle: 0.67 s
 * CPU beside 6.1 s for parseBundleText); a streaming tokenizer would see the keys for free.
 */

export interface DuplicateKey {
  key: string;
  /** 1-based line and column (UTF-16 units) of the second occurrence. */
  line: number;
  column: number;
}

const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
// Past this many keys in one object a Set beats scanning the list.
const LIST_LIMIT = 16;

export function firstDuplicateKey(text: string): DuplicateKey | null {
  // Per nesting level: the keys of the object open there (an array leaves it unused), the keys of
  // the last object closed there (records of one array share their keys, in the same order), and
  // whether this object has so far repeated them exactly, in which case no key can repeat.
  const levels: Level[] = [];
  let depth = -1;
  // From string to string with indexOf (most bytes are inside strings); the short gaps between
  // them (`": "`, `",\n    "`, numbers) are scanned for brackets, which only occur there.
  let i = 0;
  for (;;) {
    const quote = text.indexOf('"', i);
    const gapEnd = quote === -1 ? text.length : quote;
    for (let g = i; g < gapEnd; g++) {
      const c = text.charCodeAt(g);
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        depth++;
        let level = levels[depth];
        if (level === undefined) levels.push((level = { object: false, keys: [], previous: [], sameShape: true, set: null }));
        level.object = c === OPEN_OBJECT;
        level.keys.length = 0;
        level.sameShape = true;
        level.set = null;
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        const level = levels[depth];
        if (level !== undefined && level.object) {
          // Its keys were distinct (else we returned): the next object here is compared against them.
          const done = level.keys;
          level.keys = level.previous;
          level.previous = done;
          level.set = null;
        }
        depth--;
      }
    }
    if (quote === -1) return null;
    const start = quote + 1;
    let end = text.indexOf('"', start);
    while (end !== -1 && escaped(text, end)) end = text.indexOf('"', end + 1);
    if (end === -1) return null;
    i = end + 1;
    const level = levels[depth];
    if (level === undefined || !level.object) continue;
    let next = i;
    while (isSpace(text.charCodeAt(next))) next++;
    if (text.charCodeAt(next) !== COLON) continue;
    i = next + 1;
    const at = level.keys.length;
    // The common case, compared in place without copying the key out of the text.
    if (level.sameShape && at < level.previous.length) {
      const expected = level.previous[at]!;
      if (expected.length === end - start && text.startsWith(expected, start)) {
        level.keys.push(expected);
        continue;
      }
    }
    level.sameShape = false;
    const raw = text.slice(start, end);
    const key = raw.indexOf('\\') === -1 ? raw : (JSON.parse(`"${raw}"`) as string);
    if (level.set !== null) {
      if (level.set.has(key)) return located(text, start - 1, key);
      level.set.add(key);
    } else {
      for (let k = 0; k < at; k++) if (level.keys[k] === key) return located(text, start - 1, key);
      if (at >= LIST_LIMIT) level.set = new Set([...level.keys, key]);
    }
    level.keys.push(key);
  }
}

interface Level {
  object: boolean;
  keys: string[];
  previous: string[];
  sameShape: boolean;
  set: Set<string> | null;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The quote at `at` is escaped when an odd number of backslashes stands before it. */
function escaped(text: string, at: number): boolean {
  let n = 0;
  for (let j = at - 1; text.charCodeAt(j) === BACKSLASH; j--) n++;
  return n % 2 === 1;
}

function located(text: string, offset: number, key: string): DuplicateKey {
  let line = 1;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  return { key, line, column: offset - lineStart + 1 };
}

/** "the key "id" appears twice in one object (line 3, column 5)…": one sentence for every reader. */
export function duplicateKeyMessage(found: DuplicateKey, lineOffset = 0): string {
  const key = found.key.length > 60 ? `${found.key.slice(0, 60)}…` : found.key;
  return `the key ${JSON.stringify(key)} appears twice in one object (line ${found.line + lineOffset}, column ${found.column}); readers disagree on which one counts, so the file is refused`;
}
