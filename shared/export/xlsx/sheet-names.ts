/**
 * Sheet names Excel accepts: 1–31 characters, none of : \ / ? * [ ], not starting or ending with
 * an apostrophe, not "History" (reserved), unique without regard to case.
 */
const MAX_SHEET_NAME = 31;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((name) => {
    const base = clean(name);
    let unique = base;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      unique = `${clean(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    }
    taken.add(unique.toLowerCase());
    return unique;
  });
}

function clean(name: string, max = MAX_SHEET_NAME): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in a sheet name
  const replaced = name.replace(/[:\\/?*[\]\u0000-\u001F]/g, '-').replace(/^'+|'+$/g, '').trim();
  // Cut between graphemes so no emoji or accent is split; Excel counts UTF-16 units, so stop within 31 of those.
  let cut = '';
  for (const { segment } of graphemes.segment(replaced)) {
    if (cut.length + segment.length > max) break;
    cut += segment;
  }
  cut = cut.replace(/'+$/, '').trim();
  if (cut === '') return 'Sheet';
  return cut.toLowerCase() === 'history' ? 'History (table)' : cut;
}
