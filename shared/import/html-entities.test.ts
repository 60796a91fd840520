import { describe, expect, it } from 'vitest';

import { decodeAmpLtGt, decodeEntitiesOnce } from './html-entities';

describe('decodeEntitiesOnce', () => {
  it('decodes named, decimal and hex references', () => {
    expect(decodeEntitiesOnce('a&nbsp;b &amp; &lt;p&gt; &quot;q&quot; &#39;s &apos;t &copy; &eacute;')).toBe(
      'a\u00a0b & <p> "q" \'s \'t © é',
    );
    expect(decodeEntitiesOnce('&#128512; &#x1F600; &#X1f600;')).toBe('😀 😀 😀');
  });

  it('decodes exactly once', () => {
    expect(decodeEntitiesOnce('&amp;amp; &amp;lt;b&amp;gt;')).toBe('&amp; &lt;b&gt;');
    expect(decodeEntitiesOnce(decodeEntitiesOnce('&amp;amp;'))).toBe('&');
  });

  it('leaves unknown, unterminated and impossible references as written', () => {
    expect(decodeEntitiesOnce('&bogus; &amp &nbsp &#0; &#xD800; &#x110000; & alone &;')).toBe(
      '&bogus; &amp &nbsp &#0; &#xD800; &#x110000; & alone &;',
    );
  });

  it('maps C1 references to Windows-1252 as HTML does', () => {
    expect(decodeEntitiesOnce('it&#146;s &#150; &#128;5')).toBe('it’s – €5');
  });

  it('keeps emoji, surrogate pairs and ZWJ sequences around references intact', () => {
    expect(decodeEntitiesOnce('👩‍👩‍👧&amp;🇫🇷')).toBe('👩‍👩‍👧&🇫🇷');
  });

  // vitest's 5 s timeout is the guard: a reference pattern that scanned past the next '&' would be quadratic here.
  it('leaves a long run of ampersands and digits as written', () => {
    const hostile = '&'.repeat(200_000) + '&#' + '9'.repeat(100_000) + '&a'.repeat(100_000) + 'x'.repeat(100_000);
    expect(decodeEntitiesOnce(hostile) === hostile).toBe(true);
  });
});

describe('decodeAmpLtGt', () => {
  it('decodes only &amp; &lt; &gt;, once', () => {
    expect(decodeAmpLtGt('&gt; quote &lt;3 Tom &amp;amp; Jerry &copy; &quot;')).toBe('> quote <3 Tom &amp; Jerry &copy; &quot;');
  });
});
