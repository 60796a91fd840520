import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import type { Bundle } from '../../shared/bundle/bundle';
import { formatProblem, parseBundleText, validateBundle } from '../../shared/bundle/validate';
import type { Code, Post } from '../../shared/model/records';

const FILE = new URL('./demo-project.threadmark.json', import.meta.url);
const raw = readFileSync(FILE, 'utf8');
const demo = JSON.parse(raw) as Bundle;

const root = demo.posts.find((p) => p.parentId === null);
const replies = demo.posts.filter((p) => p.parentId !== null);
const byId = new Map(demo.posts.map((p) => [p.id, p]));

function depthOf(post: Post): number {
  let depth = 0;
  let current = post;
  while (current.parentId !== null) {
    const parent = byId.get(current.parentId);
    if (!parent || depth > demo.posts.length) throw new Error(`broken parent chain at ${post.id}`);
    current = parent;
    depth += 1;
  }
  return depth;
}

/** Codes in codebook order: siblings by `order`, each parent before its children. */
function codesInTreeOrder(codes: Code[]): Code[] {
  const out: Code[] = [];
  const visit = (parentId: string | null) => {
    const siblings = codes.filter((c) => c.parentId === parentId).sort((a, b) => a.order - b.order);
    for (const code of siblings) {
      out.push(code);
      visit(code.id);
    }
  };
  visit(null);
  return out;
}

/** WCAG relative luminance of an sRGB colour given as [r, g, b] in 0..255. */
function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
}

function highlightOnWhite(hex: string, alpha: number): number[] {
  return [1, 3, 5].map((i) => alpha * parseInt(hex.slice(i, i + 2), 16) + (1 - alpha) * 255);
}

/** CIELAB (D65) of an sRGB colour given as [r, g, b] in 0..255, for CIE76 colour differences. */
function toLab([r, g, b]: number[]): number[] {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [R, G, B] = [lin(r ?? 0), lin(g ?? 0), lin(b ?? 0)];
  const x = (R * 0.4124 + G * 0.3576 + B * 0.1805) / 0.95047;
  const y = R * 0.2126 + G * 0.7152 + B * 0.0722;
  const z = (R * 0.0193 + G * 0.1192 + B * 0.9505) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - (b[i] ?? 0)));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

describe('demo project bundle', () => {
  it('is a 2-space indented JSON file without BOM or CR line ends', () => {
    expect(raw.charCodeAt(0)).not.toBe(0xfeff);
    expect(raw).not.toContain('\r');
    expect(raw).toBe(JSON.stringify(demo, null, 2) + '\n');
  });

  it('has the bundle envelope and the demo project', () => {
    expect(demo.format).toBe('threadmark');
    expect(demo.formatVersion).toBe(3);
    expect(demo.exportedAt).toMatch(ISO_UTC);
    expect(demo.app).toEqual({ name: 'Threadmark', version: '0.1.0' });
    expect(demo.project.name).toBe('Demo: #MeToo backlash thread');
    expect(demo.project.id).toMatch(UUID);
    expect(demo.project.createdAt).toMatch(ISO_UTC);
    expect(demo.coders).toEqual([]);
    expect(demo.codings).toEqual([]);
    expect(demo.journal).toEqual([]);
    expect(demo.codebookVersions).toEqual([]);
  });

  it('has one demo thread whose root is the only post without a parent', () => {
    expect(demo.threads).toHaveLength(1);
    const thread = demo.threads[0]!;
    expect(thread.id).toMatch(UUID);
    expect(thread.platform).toBe('threadmark');
    expect(thread.source).toBe('demo');
    expect(thread.importedAt).toMatch(ISO_UTC);
    expect(root).toBeDefined();
    expect(thread.rootPostId).toBe(root!.id);
    expect(demo.posts.filter((p) => p.parentId === null)).toHaveLength(1);
    expect(demo.posts[0]).toBe(root);
    for (const post of demo.posts) expect(post.threadId).toBe(thread.id);
  });

  it('has a long opening post in several paragraphs', () => {
    const words = root!.text.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(350);
    expect(words).toBeLessThanOrEqual(600);
    expect(root!.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
  });

  it('has well-formed posts with unique UUIDs and normalized text', () => {
    expect(new Set(demo.posts.map((p) => p.id)).size).toBe(demo.posts.length);
    for (const post of demo.posts) {
      expect(post.id).toMatch(UUID);
      expect(post.platform).toBe('threadmark');
      expect(post.url).toBeNull();
      expect(post.platformId === null || typeof post.platformId === 'string').toBe(true);
      expect(post.createdAt).toMatch(ISO_UTC);
      expect(post.author.length).toBeGreaterThan(0);
      expect(post.text.length).toBeGreaterThan(0);
      expect(post.text).toBe(post.text.normalize('NFC'));
      expect(post.text).not.toContain('\r');
      expect(post.text).not.toContain('\uFEFF');
      for (const value of Object.values(post.meta)) {
        expect(['string', 'number', 'boolean'].includes(typeof value) || value === null).toBe(true);
      }
    }
  });

  it('has at least 25 replies nested at least 3 levels deep', () => {
    expect(replies.length).toBeGreaterThanOrEqual(25);
    const maxDepth = Math.max(...replies.map(depthOf));
    expect(maxDepth).toBeGreaterThanOrEqual(3);
  });

  it('resolves every parentId and dates each reply after its parent', () => {
    for (const reply of replies) {
      const parent = byId.get(reply.parentId!);
      expect(parent, `parent of ${reply.id}`).toBeDefined();
      expect(Date.parse(reply.createdAt!)).toBeGreaterThan(Date.parse(parent!.createdAt!));
    }
  });

  it('lists posts in reading order (depth-first pre-order)', () => {
    const preOrder: string[] = [];
    const visit = (id: string) => {
      preOrder.push(id);
      for (const child of demo.posts.filter((p) => p.parentId === id)) visit(child.id);
    };
    visit(root!.id);
    expect(preOrder).toEqual(demo.posts.map((p) => p.id));
  });

  it('has several authors who post more than once', () => {
    const counts = new Map<string, number>();
    for (const post of demo.posts) counts.set(post.author, (counts.get(post.author) ?? 0) + 1);
    const repeat = [...counts].filter(([author, n]) => author !== '[deleted]' && n > 1);
    expect(repeat.length).toBeGreaterThanOrEqual(3);
  });

  it('has a deleted post with a reply', () => {
    const deleted = demo.posts.find((p) => p.meta.deleted === true);
    expect(deleted).toBeDefined();
    expect(deleted!.text).toBe('[deleted]');
    expect(deleted!.author).toBe('[deleted]');
    expect(replies.some((p) => p.parentId === deleted!.id)).toBe(true);
  });

  it('covers the text cases importers and exporters must handle', () => {
    const texts = demo.posts.map((p) => p.text);
    // A ZWJ emoji sequence (e.g. 👩‍👩‍👧 or 🤷‍♂️) and a skin-tone modifier or flag.
    expect(texts.some((t) => /\p{Extended_Pictographic}\u200D\p{Extended_Pictographic}/u.test(t))).toBe(true);
    expect(texts.some((t) => /[\u{1F3FB}-\u{1F3FF}]|\p{Regional_Indicator}{2}|\u{1F3F3}\uFE0F?\u200D/u.test(t))).toBe(true);
    expect(texts.filter((t) => /\p{Extended_Pictographic}/u.test(t)).length).toBeGreaterThanOrEqual(3);
    // A link.
    expect(texts.some((t) => /https:\/\/example\.org\/\S+/.test(t))).toBe(true);
    // A post that starts with "@", and one that starts with "-" or "=" (spreadsheet-safe CSV export).
    expect(texts.some((t) => t.startsWith('@'))).toBe(true);
    expect(texts.some((t) => /^[-=]/.test(t))).toBe(true);
    // Line breaks inside a paragraph (a single "\n" not part of "\n\n").
    expect(texts.some((t) => /[^\n]\n[^\n]/.test(t))).toBe(true);
  });

  it('has a quoted line that quotes the parent post', () => {
    const quoting = replies.filter((p) => /^> /m.test(p.text));
    expect(quoting.length).toBeGreaterThanOrEqual(1);
    for (const post of quoting) {
      const quoted = post.text.match(/^> (.*)$/m)![1]!;
      expect(byId.get(post.parentId!)!.text).toContain(quoted);
    }
  });

  it('has a starter codebook of at least 8 defined, coloured codes', () => {
    const codes = demo.codes;
    expect(codes.length).toBeGreaterThanOrEqual(8);
    expect(new Set(codes.map((c) => c.id)).size).toBe(codes.length);
    expect(new Set(codes.map((c) => c.name)).size).toBe(codes.length);
    expect(new Set(codes.map((c) => c.color.toLowerCase())).size).toBe(codes.length);
    const codeIds = new Set(codes.map((c) => c.id));
    for (const code of codes) {
      expect(code.id).toMatch(UUID);
      expect(code.name.trim().length).toBeGreaterThan(0);
      expect(code.color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(code.parentId === null || codeIds.has(code.parentId)).toBe(true);
      // One sentence: starts with a capital, ends with a full stop, no sentence break inside.
      expect(code.definition).toMatch(/^[A-Z].*\.$/s);
      expect(code.definition).not.toMatch(/[.!?]\s+[A-Z]/);
      // Readable as a 35% highlight on white: black text keeps AAA contrast.
      const background = luminance(highlightOnWhite(code.color, 0.35));
      expect((background + 0.05) / 0.05).toBeGreaterThanOrEqual(7);
    }
  });

  it('has code colours that stay distinguishable as 35% highlights on white', () => {
    const white = toLab([255, 255, 255]);
    const highlights = demo.codes.map((c) => ({ name: c.name, lab: toLab(highlightOnWhite(c.color, 0.35)) }));
    for (const [i, a] of highlights.entries()) {
      expect(deltaE(a.lab, white), `${a.name} vs white`).toBeGreaterThanOrEqual(15);
      for (const b of highlights.slice(i + 1)) {
        expect(deltaE(a.lab, b.lab), `${a.name} vs ${b.name}`).toBeGreaterThanOrEqual(15);
      }
    }
  });

  it('orders codes 0..n among siblings and starts with nine codable moves', () => {
    const parents = new Set(demo.codes.map((c) => c.parentId));
    for (const parentId of parents) {
      const orders = demo.codes
        .filter((c) => c.parentId === parentId)
        .map((c) => c.order)
        .sort((a, b) => a - b);
      expect(orders).toEqual(orders.map((_, i) => i));
    }
    const tree = codesInTreeOrder(demo.codes);
    expect(tree).toHaveLength(demo.codes.length);
    const categories = new Set(demo.codes.map((c) => c.parentId).filter((id) => id !== null));
    for (const code of tree.slice(0, 9)) {
      expect(categories.has(code.id), code.name).toBe(false);
      expect(code.codable, code.name).toBe(true);
    }
    const names = demo.codes.map((c) => c.name);
    for (const name of [
      'False equivalence',
      'Whataboutism',
      'Derailing',
      'Appeal to statistics',
      'Personal testimony',
      'Solidarity',
      'Hostility',
      'Tone policing',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('shows a structured codebook: criteria and examples, and a category that only groups codes', () => {
    const structured = demo.codes.filter((c) => c.inclusion !== '' && c.exclusion !== '' && c.examples.length > 0);
    expect(structured.length).toBeGreaterThanOrEqual(5);
    for (const code of structured) for (const text of [code.inclusion, code.exclusion, ...code.examples]) expect(text).toBe(text.trim());
    const categories = demo.codes.filter((c) => !c.codable);
    expect(categories.length).toBeGreaterThanOrEqual(1);
    for (const category of categories) expect(demo.codes.filter((c) => c.parentId === category.id).length).toBeGreaterThanOrEqual(2);
    for (const code of demo.codes) expect(code.retired).toBe(false);
  });

  it('gives the nine codable moves keys 1–9 in codebook order, and no other code a key', () => {
    const tree = codesInTreeOrder(demo.codes);
    expect(tree.slice(0, 9).map((c) => c.shortcut)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(tree.slice(9).map((c) => c.shortcut)).toEqual(tree.slice(9).map(() => null));
  });

  it('passes validateBundle and reads back unchanged', () => {
    const result = validateBundle(JSON.parse(raw));
    expect(result.ok, result.ok ? '' : result.error.map(formatProblem).join('\n')).toBe(true);
    if (result.ok) expect(result.value).toEqual(demo);
    expect(parseBundleText(raw).ok).toBe(true);
  });
});
