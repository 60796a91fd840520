/**
 * What the Segments form holds (one value per field, as typed) and the query it stands for. A
 * matrix cell's query comes back as a draft so the form shows what is being retrieved.
 */
import type { SegmentCombinationKind, SegmentQuery } from '@shared/analysis/segments/segment-query';
import { err, ok, type Result } from '@shared/util/result';

/** What a researcher types for "no value" (the tables' column label). */
const NO_VALUE = '(none)';

export interface SegmentDraft {
  codeId: string;
  includeSubcodes: boolean;
  /** '' : no second code. */
  combineKind: SegmentCombinationKind | '';
  otherCodeId: string;
  otherSubcodes: boolean;
  /** Characters, as typed (for `near`). */
  within: string;
  /** '' : any. */
  coderId: string;
  threadId: string;
  author: string;
  platform: string;
  /** YYYY-MM-DD or ''. */
  from: string;
  to: string;
  /** YYYY-MM or ''. */
  month: string;
  /** "author:NAME" or "thread:NAME" ('' : no attribute condition). */
  attribute: string;
  /** The attribute's value as typed: `a|b` for either, "(none)" for cases without a value. */
  attributeValue: string;
}

export const emptyDraft = (codeId = ''): SegmentDraft => ({
  codeId,
  includeSubcodes: true,
  combineKind: '',
  otherCodeId: '',
  otherSubcodes: false,
  within: '20',
  coderId: '',
  threadId: '',
  author: '',
  platform: '',
  from: '',
  to: '',
  month: '',
  attribute: '',
  attributeValue: '',
});

/** The draft as a query, or what to fix first (the field's label and why). */
export function draftToQuery(d: SegmentDraft): Result<SegmentQuery, { field: keyof SegmentDraft; message: string }> {
  if (d.codeId === '') return err({ field: 'codeId', message: 'Choose a code.' });
  const query: SegmentQuery = { codeId: d.codeId, includeSubcodes: d.includeSubcodes };
  if (d.combineKind !== '') {
    if (d.otherCodeId === '') return err({ field: 'otherCodeId', message: 'Choose the second code.' });
    const other = { codeId: d.otherCodeId, includeSubcodes: d.otherSubcodes };
    if (d.combineKind === 'near') {
      if (!/^\d+$/.test(d.within.trim())) return err({ field: 'within', message: 'Characters must be a whole number, 0 or more.' });
      query.combine = { kind: 'near', ...other, within: Number(d.within.trim()) };
    } else query.combine = { kind: d.combineKind, ...other };
  }
  if (d.coderId !== '') query.coderIds = [d.coderId];
  if (d.threadId !== '') query.threadIds = [d.threadId];
  if (d.author.trim() !== '') query.authors = [d.author.trim()];
  if (d.platform !== '') query.platforms = [d.platform];
  if (d.from !== '') query.from = d.from;
  if (d.to !== '') query.to = d.to;
  if (d.month !== '') query.month = d.month;
  if (d.attribute !== '') {
    const scope = d.attribute.startsWith('thread:') ? 'thread' : 'author';
    const values = d.attributeValue.split('|').map((v) => v.trim());
    if (values.every((v) => v === '')) return err({ field: 'attributeValue', message: `Type a value (${NO_VALUE} for cases without one).` });
    query.attributes = [{ scope, name: d.attribute.slice(scope.length + 1), values: values.filter((v) => v !== '').map((v) => (v.toLowerCase() === NO_VALUE ? '' : v)) }];
  }
  return ok(query);
}

/** A query shown in the form: lists show their first value (a matrix cell sends one per filter). */
export function queryToDraft(q: SegmentQuery): SegmentDraft {
  const c = q.combine;
  const a = q.attributes?.[0];
  return {
    ...emptyDraft(q.codeId),
    includeSubcodes: q.includeSubcodes,
    combineKind: c?.kind ?? '',
    otherCodeId: c?.codeId ?? '',
    otherSubcodes: c?.includeSubcodes ?? false,
    within: c?.kind === 'near' ? String(c.within) : '20',
    coderId: q.coderIds?.[0] ?? '',
    threadId: q.threadIds?.[0] ?? '',
    author: q.authors?.[0] ?? '',
    platform: q.platforms?.[0] ?? '',
    from: q.from ?? '',
    to: q.to ?? '',
    month: q.month ?? '',
    attribute: a ? `${a.scope}:${a.name}` : '',
    attributeValue: a ? a.values.map((v) => (v === '' ? NO_VALUE : v)).join('|') : '',
  };
}
