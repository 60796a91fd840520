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

export type QdpxImportSummary = BundleImportSummary & { report: QdpxReport };

export const importQdpx = defineOperation<QdpxImportInput, BundleImportSnapshot, QdpxImportSummary>({
  kind: 'qdpx.import',
  read: (reader, { bundle, source }) => importBundle.read(reader, { bundle, source }),
  plan(snapshot, { bundle, report, source }, context) {
    const planned = importBundle.plan(snapshot, { bundle, source }, context);
    if (!planned.ok) return planned;
    const { added } = planned.value.result;
    const summary = `Imported the REFI-QDA project “${source}”: ${added.threads} threads, ${added.posts} posts, ${added.codes} codes, ${added.codings} codings`;
    // A .qdpx carries no journal to adopt: the import is this project's first entry.
    return { ok: true, value: { ...planned.value, summary, adoptJournal: [], result: { ...planned.value.result, historyKept: false, report } } };
  },
});
