import { describe, expect, it } from 'vitest';

import { codebookHtml } from './codebook-html';
import { codebookMarkdown } from './codebook-markdown';
import { code } from './codebook-fixtures.test-helpers';
import { escapeMarkdownBlock, escapeMarkdownLine } from './markdown-escape';

const options = { title: 'Codebook v2', generatedAt: '2025-03-12T14:03:27.000Z' };

const codebook = [
  code('fallacy', 'Fallacy', null, { codable: false }),
  code('equiv', 'False equivalence', 'fallacy', { order: 1, definition: 'Treats two unlike things as alike.', inclusion: 'Both sides named.', examples: ['Men are victims too.', '  '] }),
  code('adhom', 'Ad hominem', 'fallacy', { order: 0, exclusion: 'Not for insults without an argument.', retired: true, shortcut: 'a' }),
  code('derail', 'Derailing', null, { order: 1 }),
];

describe('codebookMarkdown', () => {
  const md = codebookMarkdown(codebook, options);

  it('lists codes in tree order as nested headings with paths, fields and notes', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual(['# Codebook v2', '## Fallacy', '### Ad hominem', '### False equivalence', '## Derailing']);
    expect(md).toContain('*4 codes, 1 retired · generated 2025-03-12 14:03 UTC*');
    expect(md).toContain('Path: Fallacy \\> False equivalence');
    expect(md).toContain('**Definition.** Treats two unlike things as alike.');
    expect(md).toContain('**Inclusion criteria.** Both sides named.');
    expect(md).toContain('**Exclusion criteria.** Not for insults without an argument.');
    expect(md).toContain('**Examples.**\n\n- Men are victims too.\n\n');
    expect(md).toContain('*Category: groups other codes and is not applied to text.*');
    expect(md).toContain('*Retired: no longer offered for coding; existing codings are kept.*');
  });

  it('escapes code text so it cannot add structure', () => {
    const hostile = code('h', '# Not a heading *bold* [link](http://x) <b>', null, {
      definition: '- not a list\n+ nor this\n1. nor this\n> nor a quote\n    nor code\n| a | b |\n`tick` ~~strike~~ _em_ ![img](x) &amp; $x$\n===',
    });
    const out = codebookMarkdown([hostile], options);
    expect(out).toContain('## \\# Not a heading \\*bold\\* \\[link\\](http://x) \\<b\\>');
    const definition = out.slice(out.indexOf('**Definition.** ') + '**Definition.** '.length).split('\n');
    expect(definition.slice(0, 8)).toEqual([
      '\\- not a list\\',
      '\\+ nor this\\',
      '1\\. nor this\\',
      '\\> nor a quote\\',
      'nor code\\',
      '\\| a \\| b \\|\\',
      '\\`tick\\` \\~\\~strike\\~\\~ \\_em\\_ \\!\\[img\\](x) \\&amp; \\$x\\$\\',
      '\\===',
    ]);
  });

  it('keeps paragraphs and line breaks of researcher text', () => {
    expect(escapeMarkdownBlock('First line\r\nsecond line\n\n\nNew paragraph  ')).toBe('First line\\\nsecond line\n\nNew paragraph');
    expect(escapeMarkdownLine('two\nlines')).toBe('two lines');
    expect(escapeMarkdownBlock('ends with \\')).toBe('ends with \\\\');
  });

  it('says so when the codebook is empty', () => {
    expect(codebookMarkdown([], options)).toContain('*The codebook has no codes yet.*');
  });
});

describe('codebookHtml', () => {
  const html = codebookHtml(codebook, options);

  it('is a self-contained page without script or external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import/i);
    expect(html).toContain('@media print');
  });

  it('shows each code in tree order with its colour, path, fields and notes', () => {
    const names = [...html.matchAll(/<span class="name">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(names).toEqual(['Fallacy', 'Ad hominem', 'False equivalence', 'Derailing']);
    expect(html).toContain('<h3><span class="swatch" style="background: #336699" title="#336699"></span><span class="name">Ad hominem</span><span class="badge retired">Retired</span>');
    expect(html).toContain('<p class="path">Fallacy<span class="sep">&gt;</span>False equivalence</p>');
    expect(html).toContain('<dt>Definition</dt><dd><p>Treats two unlike things as alike.</p></dd>');
    expect(html).toContain('<dt>Examples</dt><dd><ul class="examples"><li><p>Men are victims too.</p></li></ul></dd>');
    expect(html).toContain('<span class="badge">Category</span>');
    expect(html).toContain('<a href="#code-3">');
    expect(html).toContain('4 codes, 1 retired · generated <time datetime="2025-03-12T14:03:27.000Z">2025-03-12 14:03 UTC</time>');
  });

  it('nests the contents list like the tree', () => {
    const contents = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    const tags = contents.match(/<\/?(ul|li)>|<li[^>]*>/g)!.join('').replace(/<li[^>]*>/g, '<li>');
    expect(tags).toBe('<ul><li><ul><li></li><li></li></ul></li><li></li></ul>');
  });

  it('escapes code text: a <script> in a name or definition appears as text', () => {
    const hostile = code('h', '<script>alert(1)</script>', null, {
      definition: 'Line "one" & <img src=x onerror=alert(1)>\nline two',
      color: 'red;background:url(http://evil)',
      shortcut: '<',
    });
    const out = codebookHtml([hostile], { title: '<script>t</script>', generatedAt: '"><script>' });
    expect(out).not.toMatch(/<script|<img|url\(http/i);
    expect(out).toContain('<title>&lt;script&gt;t&lt;/script&gt;</title>');
    expect(out).toContain('<span class="name">&lt;script&gt;alert(1)&lt;/script&gt;</span>');
    expect(out).toContain('<p>Line &quot;one&quot; &amp; &lt;img src=x onerror=alert(1)&gt;<br>line two</p>');
    expect(out).toContain('style="--code-color: #999999"');
    expect(out).toContain('<kbd>&lt;</kbd>');
  });

  it('says so when the codebook is empty', () => {
    expect(codebookHtml([], options)).toContain('<p class="empty">The codebook has no codes yet.</p>');
  });
});
