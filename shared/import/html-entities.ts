/**
 * Character references, decoded exactly once and without a DOM (it must run in a Worker and in
 * Node). The named set is HTML 4.01's 252 entities (Python's `html.entities.name2codepoint`) plus
 * `&apos;`, with `&lang;`/`&rang;` at their HTML5 code points: that covers what Mastodon, YouTube,
 * Reddit and X emit. A reference we do not know, or a numeric one naming no character (0,
 * surrogates, above U+10FFFF), stays as written: guessing would put U+FFFD into coded text.
 */

const NAMED_TABLE =
  'Aacute:c1 aacute:e1 Acirc:c2 acirc:e2 acute:b4 AElig:c6 aelig:e6 Agrave:c0 agrave:e0 ' +
  'alefsym:2135 Alpha:391 alpha:3b1 amp:26 and:2227 ang:2220 apos:27 Aring:c5 aring:e5 asymp:2248 ' +
  'Atilde:c3 atilde:e3 Auml:c4 auml:e4 bdquo:201e Beta:392 beta:3b2 brvbar:a6 bull:2022 cap:2229 ' +
  'Ccedil:c7 ccedil:e7 cedil:b8 cent:a2 Chi:3a7 chi:3c7 circ:2c6 clubs:2663 cong:2245 copy:a9 ' +
  'crarr:21b5 cup:222a curren:a4 Dagger:2021 dagger:2020 dArr:21d3 darr:2193 deg:b0 Delta:394 ' +
  'delta:3b4 diams:2666 divide:f7 Eacute:c9 eacute:e9 Ecirc:ca ecirc:ea Egrave:c8 egrave:e8 ' +
  'empty:2205 emsp:2003 ensp:2002 Epsilon:395 epsilon:3b5 equiv:2261 Eta:397 eta:3b7 ETH:d0 eth:f0 ' +
  'Euml:cb euml:eb euro:20ac exist:2203 fnof:192 forall:2200 frac12:bd frac14:bc frac34:be ' +
  'frasl:2044 Gamma:393 gamma:3b3 ge:2265 gt:3e hArr:21d4 harr:2194 hearts:2665 hellip:2026 ' +
  'Iacute:cd iacute:ed Icirc:ce icirc:ee iexcl:a1 Igrave:cc igrave:ec image:2111 infin:221e ' +
  'int:222b Iota:399 iota:3b9 iquest:bf isin:2208 Iuml:cf iuml:ef Kappa:39a kappa:3ba Lambda:39b ' +
  'lambda:3bb lang:27e8 laquo:ab lArr:21d0 larr:2190 lceil:2308 ldquo:201c le:2264 lfloor:230a ' +
  'lowast:2217 loz:25ca lrm:200e lsaquo:2039 lsquo:2018 lt:3c macr:af mdash:2014 micro:b5 middot:b7 ' +
  'minus:2212 Mu:39c mu:3bc nabla:2207 nbsp:a0 ndash:2013 ne:2260 ni:220b notin:2209 not:ac ' +
  'nsub:2284 Ntilde:d1 ntilde:f1 Nu:39d nu:3bd Oacute:d3 oacute:f3 Ocirc:d4 ocirc:f4 OElig:152 ' +
  'oelig:153 Ograve:d2 ograve:f2 oline:203e Omega:3a9 omega:3c9 Omicron:39f omicron:3bf oplus:2295 ' +
  'ordf:aa ordm:ba or:2228 Oslash:d8 oslash:f8 Otilde:d5 otilde:f5 otimes:2297 Ouml:d6 ouml:f6 ' +
  'para:b6 part:2202 permil:2030 perp:22a5 Phi:3a6 phi:3c6 Pi:3a0 pi:3c0 piv:3d6 plusmn:b1 pound:a3 ' +
  'Prime:2033 prime:2032 prod:220f prop:221d Psi:3a8 psi:3c8 quot:22 radic:221a rang:27e9 raquo:bb ' +
  'rArr:21d2 rarr:2192 rceil:2309 rdquo:201d real:211c reg:ae rfloor:230b Rho:3a1 rho:3c1 rlm:200f ' +
  'rsaquo:203a rsquo:2019 sbquo:201a Scaron:160 scaron:161 sdot:22c5 sect:a7 shy:ad Sigma:3a3 ' +
  'sigmaf:3c2 sigma:3c3 sim:223c spades:2660 sube:2286 sub:2282 sum:2211 sup1:b9 sup2:b2 sup3:b3 ' +
  'supe:2287 sup:2283 szlig:df Tau:3a4 tau:3c4 there4:2234 Theta:398 thetasym:3d1 theta:3b8 ' +
  'thinsp:2009 THORN:de thorn:fe tilde:2dc times:d7 trade:2122 Uacute:da uacute:fa uArr:21d1 ' +
  'uarr:2191 Ucirc:db ucirc:fb Ugrave:d9 ugrave:f9 uml:a8 upsih:3d2 Upsilon:3a5 upsilon:3c5 Uuml:dc ' +
  'uuml:fc weierp:2118 Xi:39e xi:3be Yacute:dd yacute:fd yen:a5 Yuml:178 yuml:ff Zeta:396 zeta:3b6 ' +
  'zwj:200d zwnj:200c';

const NAMED: ReadonlyMap<string, string> = new Map(
  NAMED_TABLE.split(' ').map((pair) => {
    const [name, hex] = pair.split(':') as [string, string];
    return [name, String.fromCodePoint(parseInt(hex, 16))];
  }),
);

/**
 * HTML maps numeric references 0x80–0x9F to Windows-1252 (old pages write `&#146;` for ’);
 * the five code points Windows-1252 leaves undefined keep their value.
 */
const WINDOWS_1252_C1: Readonly<Record<number, number>> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

// Bounded repetitions keep every match attempt short, so decoding stays linear on hostile input.
const REFERENCE = /&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;
const AMP_LT_GT = /&(amp|lt|gt);/g;

function numeric(code: number, original: string): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return original;
  return String.fromCodePoint(WINDOWS_1252_C1[code] ?? code);
}

/**
 * Decodes every named and numeric reference once: `&amp;lt;` becomes `&lt;`, never `<`. Only
 * references closed by `;` count; unknown ones are left as they are.
 */
export function decodeEntitiesOnce(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (match, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return numeric(parseInt(dec, 10), match);
    if (hex !== undefined) return numeric(parseInt(hex, 16), match);
    return NAMED.get(name as string) ?? match;
  });
}

/**
 * Decodes only `&amp;`, `&lt;` and `&gt;`, once: what Reddit (without `raw_json=1`) and X do to
 * `&`, `<` and `>` in Markdown or plain text, where `&copy;` may be what the author typed
 * (docs/thread-formats.md, "Rules for every format" and "Reddit thread pages").
 */
export function decodeAmpLtGt(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(AMP_LT_GT, (_match, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}
