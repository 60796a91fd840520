/**
 * Imports a REFI-QDA project (.qdpx), read and cut into threads by shared/refi/ (qdpx-import-bundle.ts),
 * all or nothing like a bundle: the same plan as `bundle.import` (nothing stored is overwritten, the
 * change-set checked against the project's rules), journaled as its own operation, with the report
 * of what was not taken as it was (sources skipped, codings not placed or split, duplicates collapsed).
 */
import type { Bundle } from '../../bundle/bundle';
import type { QdpxReport } from '../../refi/qdpx-report';
import { defineOperation } from '../operation';
import { importBundle, type BundleImportSnapshot, type BundleImportSummary } from './bundle-import';

export interface QdpxImportInput {
  bundle: Bundle;
  report: QdpxReport;
  /** The file's name, for the journal. */
  source: string;
}

/** What the project's Notes, Variables and Links added beside the codings (qdpx-extras-import.ts). */
export interface QdpxExtrasAdded {
  memos: number;
  attributes: number;
  attributeValues: number;
  relations: number;
}

export type QdpxImportSummary = BundleImportSummary & { report: QdpxReport; extras: QdpxExtrasAdded };

/** ", 3 memos, 2 attribute values, 1 relation": only what there is, for the summary, the CLI and the dialog. */
export function extrasPhrase(extras: QdpxExtrasAdded): string {
  const n = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const parts = [[extras.memos, 'memo'], [extras.attributes, 'attribute'], [extras.attributeValues, 'attribute value'], [extras.relations, 'relation']] as const;
  return parts.filter(([count]) => count > 0).map(([count, noun]) => `, ${n(count, noun)}`).join('');
}

export const importQdpx = defineOperation<QdpxImportInput, BundleImportSnapshot, QdpxImportSummary>({
  kind: 'qdpx.import',
  read: (reader, { bundle, source }) => importBundle.read(reader, { bundle, source }),
  plan(snapshot, { bundle, report, source }, context) {
    const planned = importBundle.plan(snapshot, { bundle, source }, context);
    if (!planned.ok) return planned;
    const { added } = planned.value.result;
    const { changes } = planned.value;
    const extras: QdpxExtrasAdded = { memos: changes.memos?.length ?? 0, attributes: changes.attributes?.length ?? 0, attributeValues: changes.attributeValues?.length ?? 0, relations: changes.relations?.length ?? 0 };
    const summary = `Imported the REFI-QDA project “${source}”: ${added.threads} threads, ${added.posts} posts, ${added.codes} codes, ${added.codings} codings${extrasPhrase(extras)}`;
    // A .qdpx carries no journal to adopt: the import is this project's first entry.
    return { ok: true, value: { ...planned.value, summary, adoptJournal: [], result: { ...planned.value.result, historyKept: false, report, extras } } };
  },
});
