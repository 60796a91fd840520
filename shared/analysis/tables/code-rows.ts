import { codePath, sortCodesAsTree } from '../../codebook/code-path';
import type { Code } from '../../model/records';

/** A code as a row (or column) of a table: in codebook tree order, with its path and depth. */
export interface CodeRow {
  codeId: string;
  name: string;
  /** "Parent > Child". */
  path: string;
  /** 0 for a top-level code. */
  depth: number;
  color: string;
}

/** Every code in tree order (categories included, so the table reads like the codebook). */
export function codeRows(codes: readonly Code[]): CodeRow[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  return sortCodesAsTree(codes).map(({ code, depth }) => ({ codeId: code.id, name: code.name, path: codePath(byId, code.id), depth, color: code.color }));
}
