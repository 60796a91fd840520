/**
 * Index of the first unpaired surrogate in `text`, or -1 when the text is well-formed Unicode.
 * Lone surrogates survive JSON.parse but make XML exports invalid and CSV exports lossy
 * (docs/reliability.md, "Encodings and broken text"), so imported text is checked once.
 */
export function firstUnpairedSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}

// Any surrogate at all: most strings have none, and a regex answers that natively.
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

export const hasSurrogate = (text: string): boolean => ANY_SURROGATE.test(text);

/**
 * The first string inside `value` (a record read from a file: objects, arrays, strings) that holds
 * an unpaired surrogate: its dotted field (`meta.flair`, `examples.2`) and UTF-16 index; null when
 * every string is well-formed. Names and ids are held to the rule post text already was (issue 14:
 * they were accepted silently, then broke XML exports and turned into U+FFFD in CSV). `skip` names
 * top-level fields checked elsewhere.
 */
export function firstUnpairedSurrogateField(value: unknown, skip: ReadonlySet<string> = new Set()): { field: string; index: number; unit: number } | null {
  const stack: Array<{ value: unknown; field: string }> = [{ value, field: '' }];
  while (stack.length > 0) {
    const { value: at, field } = stack.pop()!;
    if (typeof at === 'string') {
      if (!ANY_SURROGATE.test(at)) continue;
      const index = firstUnpairedSurrogate(at);
      if (index !== -1) return { field, index, unit: at.charCodeAt(index) };
    } else if (Array.isArray(at)) {
      for (let i = at.length - 1; i >= 0; i--) stack.push({ value: at[i], field: field === '' ? String(i) : `${field}.${i}` });
    } else if (typeof at === 'object' && at !== null) {
      const keys = Object.keys(at);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        if (field === '' && skip.has(key)) continue;
        stack.push({ value: (at as Record<string, unknown>)[key], field: field === '' ? key : `${field}.${key}` });
      }
    }
  }
  return null;
}
