/**
 * Where a JSON text first goes wrong. JSON.parse messages differ between engines and Node 20's
 * often carry no position at all, so on the failure path we re-scan the text ourselves.
 * Iterative (no recursion) so deeply nested input cannot overflow the stack.
 */

export interface JsonErrorLocation {
  /** 1-based line; CRLF, LF and lone CR each end a line. */
  line: number;
  /** 1-based column in code points. */
  column: number;
  message: string;
}

/** null when the text is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | null {
  const found = scan(text);
  return found === null ? null : { ...lineAndColumn(text, found.offset), message: found.message };
}

interface Failure {
  offset: number;
  message: string;
}

function scan(text: string): Failure | null {
  let i = 0;
  const stack: Array<'{' | '['> = [];
  const fail = (message: string): Failure => ({ offset: Math.min(i, text.length), message });
  const skipWs = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const describe = (): string => (i >= text.length ? 'end of input' : JSON.stringify(String.fromCodePoint(text.codePointAt(i)!)));

  // Returns a failure or null; on success `i` is just past the string.
  const scanString = (): Failure | null => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return fail('control character inside a string (a line break must be written \\n)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('bad \\u escape in string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return fail('bad escape in string');
      } else i++;
    }
    return fail('unterminated string');
  };
  const scanKey = (): Failure | null => {
    skipWs();
    if (text[i] !== '"') return fail(`expected a property name in double quotes, found ${describe()}`);
    const bad = scanString();
    if (bad) return bad;
    skipWs();
    if (text[i] !== ':') return fail(`expected ':' after the property name, found ${describe()}`);
    i++;
    return null;
  };

  for (;;) {
    // A value is expected at i.
    skipWs();
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      skipWs();
      if (text[i] === (c === '{' ? '}' : ']')) i++;
      else {
        stack.push(c);
        if (c === '{') {
          const bad = scanKey();
          if (bad) return bad;
        }
        continue;
      }
    } else if (c === '"') {
      const bad = scanString();
      if (bad) return bad;
    } else if (c !== undefined && /[-0-9]/.test(c)) {
      const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      if (!m) return fail('bad number');
      i += m[0].length;
    } else {
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
      if (!word) {
        const hint = c === ']' || c === '}' ? ' (a trailing comma?)' : '';
        return fail(`expected a value, found ${describe()}${hint}`);
      }
      i += word.length;
    }

    // After a value: close containers or move to the next element.
    for (;;) {
      skipWs();
      const top = stack.at(-1);
      if (top === undefined) return i < text.length ? fail(`unexpected ${describe()} after the JSON value`) : null;
      const close = top === '{' ? '}' : ']';
      if (text[i] === close) {
        i++;
        stack.pop();
        continue;
      }
      if (text[i] === ',') {
        i++;
        if (top === '{') {
          const bad = scanKey();
          if (bad) return bad;
        }
        break;
      }
      return fail(`expected ',' or '${close}', found ${describe()}`);
    }
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++, column++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < offset) i++;
  }
  return { line, column };
}
