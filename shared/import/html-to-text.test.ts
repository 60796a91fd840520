import { describe, expect, it } from 'vitest';

import { decodeEntitiesOnce, htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it('turns paragraphs into blank lines and <br> into line breaks', () => {
    expect(htmlToText('<p>First line<br />second line</p><p>Second paragraph</p>')).toBe('First line\nsecond line\n\nSecond paragraph');
    expect(htmlToText('one<br>two<BR/><br>three')).toBe('one\ntwo\n\nthree');
    expect(htmlToText('<p>a<br></p><p>b</p>')).toBe('a\n\nb');
  });

  it('reads a Mastodon status: mentions, hashtags and split link text keep their visible words', () => {
    const html =
      '<p><span class="h-card"><a href="https://fosstodon.org/@chainsawriot" class="u-url mention">@<span>chainsawriot</span></a></span> I&#39;d say &quot;yes&quot; 👍</p>' +
      '<p>See <a href="https://example.org/a/very/long/path" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="ellipsis">example.org/a/very</span><span class="invisible">/long/path</span></a> <a href="https://x.social/tags/rstats" class="mention hashtag" rel="tag">#<span>rstats</span></a> :mastoshrug:</p>';
    expect(htmlToText(html)).toBe('@chainsawriot I\'d say "yes" 👍\n\nSee https://example.org/a/very/long/path #rstats :mastoshrug:');
  });

  it('reads YouTube textDisplay with <br> and entities', () => {
    expect(htmlToText('Great video!<br><br>Timestamp <a href="https://www.youtube.com/watch?v=x&amp;t=62">1:02</a> &amp; more')).toBe(
      'Great video!\n\nTimestamp 1:02 & more',
    );
  });

  it('reads Reddit body_html once its outer escaping is undone', () => {
    // Reddit sends body_html entity-escaped (`&lt;div class="md"&gt;`): one decode gives the HTML.
    const escaped =
      '&lt;div class="md"&gt;&lt;blockquote&gt;\n&lt;p&gt;I have a glandular problem!&lt;/p&gt;\n&lt;/blockquote&gt;\n\n' +
      '&lt;p&gt;it&amp;#39;s fine&lt;/p&gt;\n&lt;ul&gt;\n&lt;li&gt;one&lt;/li&gt;\n&lt;li&gt;two&lt;/li&gt;\n&lt;/ul&gt;\n&lt;/div&gt;';
    expect(htmlToText(decodeEntitiesOnce(escaped))).toBe("I have a glandular problem!\n\nit's fine\n\none\ntwo");
  });

  it('decodes entities exactly once and only in text', () => {
    expect(htmlToText('<p title="&amp;lt;">a &amp;lt; b &lt;i&gt;not a tag&lt;/i&gt;</p>')).toBe('a &lt; b <i>not a tag</i>');
    expect(htmlToText('x&nbsp;&nbsp;y &unknown; &#0;')).toBe('x\u00a0\u00a0y &unknown; &#0;');
  });

  it('collapses whitespace like a browser, but keeps <pre> as written', () => {
    expect(htmlToText('  a \n\t b   <b> c </b>  ')).toBe('a b c');
    expect(htmlToText('<pre>  x\n    y</pre>after')).toBe('x\n    y\nafter');
  });

  it('drops script and style with their content, comments, doctype and unknown tags', () => {
    expect(htmlToText('<!DOCTYPE html><style>p{color:red}</style>a<script>alert("<p>x</p>")</script>b<!-- c --><custom-el x=1>d</custom-el>')).toBe('abd');
    expect(htmlToText('a<SCRIPT type="x">never</SCRIPT >b')).toBe('ab');
    expect(htmlToText('a<!-->b<!--->c')).toBe('abc');
  });

  it('survives malformed and hostile markup', () => {
    expect(htmlToText('a < b and c<d')).toBe('a < b and c'); // "<d" starts a tag the input never closes
    expect(htmlToText('1 <3 you <> <')).toBe('1 <3 you <> <');
    expect(htmlToText('<a href="x>y" title=\'>\'>link</a> text')).toBe('link text');
    expect(htmlToText('<p>unclosed <b>bold <i>italic')).toBe('unclosed bold italic');
    expect(htmlToText('before<a href="never closed')).toBe('before');
    expect(htmlToText('x<script>unterminated')).toBe('x');
    expect(htmlToText('x<!-- unterminated')).toBe('x');
    expect(htmlToText('</p></div>text</br>more')).toBe('text\nmore');
  });

  it('keeps emoji and surrogate pairs whole', () => {
    expect(htmlToText('<p>👩‍👩‍👧 &#x1F1EB;&#x1F1F7; 😀</p>')).toBe('👩‍👩‍👧 🇫🇷 😀');
  });

  // The test timeout is the guard: a scan that went back over these inputs would be quadratic, hours here.
  it('reads huge hostile inputs in one forward pass, to the text a browser shows', () => {
    const cases: Array<[string, string]> = [
      ['<a '.repeat(300_000), ''],
      ['<!--'.repeat(300_000), ''],
      ['<a x="'.repeat(200_000), ''],
      ['<br>'.repeat(300_000) + 'x', 'x'],
      ['<'.repeat(1_000_000), '<'.repeat(1_000_000)],
      ['<p>a</p>'.repeat(150_000), Array.from({ length: 150_000 }, () => 'a').join('\n\n')],
      ['<script>'.repeat(200_000) + '</script>x', 'x'],
    ];
    for (const [html, text] of cases) expect(htmlToText(html) === text).toBe(true);
  });
});
