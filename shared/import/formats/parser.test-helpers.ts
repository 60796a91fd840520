/** Helpers shared by the format parsers' tests: unwrap a parse, find a post, outline the assembled tree. */
import { assembleThreads } from '../assemble-threads';
import type { FormatParser } from '../detect-format';
import { testDeps } from '../files.test-helpers';
import type { ParsedFile, RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import type { Result } from '../../util/result';

/** The parsed file, or a thrown error listing the problems (a test that expected success fails loudly). */
export function unwrapParsed(result: Result<ParsedFile, Problem[]>): ParsedFile {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

export const parseWith = (parser: FormatParser, fallbackName: string) => (text: string, name = fallbackName): ParsedFile =>
  unwrapParsed(parser.parse(text, name));

export function postByPlatformId(file: ParsedFile, id: string): RawPost {
  const post = file.posts.find((p) => p.platformId === id);
  if (!post) throw new Error(`no post ${id}`);
  return post;
}

/** The assembled tree as indented labels (platform ids by default; placeholders as `<text>`), in reading order. */
export function outline(file: ParsedFile, label: (platformId: string) => string = (id) => id): string[] {
  const result = assembleThreads([{ fileName: 'f', parsed: file }], { hasPost: () => false }, testDeps());
  const depth = new Map<string, number>();
  return result.posts.map((p) => {
    const d = p.parentId === null ? 0 : (depth.get(p.parentId) ?? -99) + 1;
    depth.set(p.id, d);
    return '  '.repeat(d) + (p.platformId === null ? `<${p.text}>` : label(p.platformId));
  });
}
