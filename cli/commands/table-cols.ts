/**
 * `--cols` of `threadmark table`: a column kind ("thread" … "month") or an attribute
 * ("attribute:author.Stance", also the core's own spelling "author-attribute:Stance").
 */
import { attributesOf } from '@shared/analysis/attributes/attributes-of';
import { attributeColumns, parseAttributeColumns } from '@shared/analysis/tables/attribute-columns';
import { TABLE_COLUMN_KINDS, type TableColumns } from '@shared/analysis/tables/table-options';
import type { ProjectReader } from '@shared/project/project-store';

export const COLS_CHOICES = `${TABLE_COLUMN_KINDS.join('|')}|attribute:author.NAME|attribute:thread.NAME`;

export function parseCols(text: string): TableColumns | null {
  if ((TABLE_COLUMN_KINDS as readonly string[]).includes(text)) return text as TableColumns;
  const m = /^attribute:(author|thread)\.(.+)$/s.exec(text.trim());
  if (m) return attributeColumns(m[1] as 'author' | 'thread', m[2]!.trim());
  return parseAttributeColumns(text) ? (text as TableColumns) : null;
}

/** Why attribute columns cannot be drawn (nobody has the attribute), or null. */
export async function unknownAttributeColumns(reader: ProjectReader, cols: TableColumns): Promise<string | null> {
  const attribute = parseAttributeColumns(cols);
  if (!attribute) return null;
  const known = (await attributesOf(reader))[attribute.scope].columns.map((c) => c.name);
  if (known.some((n) => n.toLowerCase() === attribute.name.toLowerCase())) return null;
  return `--cols: ${attribute.scope}s have no attribute “${attribute.name}”${known.length > 0 ? ` (they have: ${known.join(', ')})` : ''}`;
}
