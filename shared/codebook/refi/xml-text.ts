/**
 * Text → XML 1.0 text and attribute values. XML 1.0 cannot carry most C0 control characters,
 * U+FFFE/U+FFFF or unpaired surrogates, not even as character references: one pasted vertical tab
 * would make the whole file unreadable in every other tool. They are never meaningful in a code's
 * name or definition, so controls are dropped and a lone surrogate becomes U+FFFD (visible, so a
 * reader can tell something was broken there).
 */

// C0 controls except TAB, LF and CR, plus the two noncharacters XML excludes.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with everything XML 1.0 forbids removed (controls) or replaced (lone surrogates → U+FFFD). */
export function toXmlSafeText(text: string): string {
  return text.replace(FORBIDDEN_CHARACTERS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Element content. CR is written as a reference because parsers turn a literal CR LF into LF;
 * `>` is escaped too, so `]]>` can never appear.
 */
export function escapeXmlText(text: string): string {
  return toXmlSafeText(text).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

/** Attribute value in double quotes. TAB, LF and CR are references: a parser turns literal ones into spaces. */
export function escapeXmlAttribute(value: string): string {
  return toXmlSafeText(value).replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };
