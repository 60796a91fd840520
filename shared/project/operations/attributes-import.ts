/**
 * Importing attribute values from a CSV file (planAttributeCsv): one journal entry that adds the
 * new attributes and sets or clears every value the file names, all or nothing. Refused with the
 * file's first problem, which names line and column (`attributeCsvProblems` lists them all).
 */
import { planAttributeCsv, type AttributeCsvPlan } from '../../analysis/attributes/attributes-csv';
import type { Attribute, AttributeScope, AttributeValue } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { err, ok } from '../../util/result';
import { defineOperation } from '../operation';
import type { ProjectReader } from '../project-store';
import { casesOf } from './attributes';

export interface AttributeCsvInput {
  scope: AttributeScope;
  text: string;
  fileName: string;
}

interface Snapshot {
  attributes: Attribute[];
  values: AttributeValue[];
  cases: Set<string>;
}

export interface AttributeImportSummary {
  added: number;
  set: number;
  cleared: number;
  rows: number;
  skippedColumns: string[];
}

async function readSnapshot(reader: ProjectReader, scope: AttributeScope): Promise<Snapshot> {
  const [attributes, values, cases] = await Promise.all([reader.attributes(), reader.attributeValues(), casesOf(reader, scope)]);
  return { attributes, values, cases: new Set(cases.keys()) };
}

/** Every problem of the file (up to 50), for a dialog or the CLI to list; empty when it imports. */
export async function attributeCsvProblems(reader: ProjectReader, input: AttributeCsvInput): Promise<Problem[]> {
  const planned = planAttributeCsv(input.scope, input.text, input.fileName, await readSnapshot(reader, input.scope), '1970-01-01T00:00:00.000Z', { newId: () => 'preview' });
  return planned.ok ? [] : planned.error;
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export const importAttributeCsv = defineOperation<AttributeCsvInput, Snapshot, AttributeImportSummary>({
  kind: 'attributes.import',
  read: (reader, input) => readSnapshot(reader, input.scope),
  plan(snapshot, input, { at, ids }) {
    const planned = planAttributeCsv(input.scope, input.text, input.fileName, snapshot, at, ids);
    if (!planned.ok) {
      const [first, ...more] = planned.error;
      return err({ ...first!, message: more.length > 0 ? `${first!.message} (and ${plural(more.length, 'more problem')}; nothing was imported)` : `${first!.message} (nothing was imported)` });
    }
    const plan: AttributeCsvPlan = planned.value;
    const cleared = plan.values.filter((r) => r.after === null).length;
    const result = { added: plan.attributes.length, set: plan.values.length - cleared, cleared, rows: plan.rows, skippedColumns: plan.skippedColumns };
    const what = [plural(result.set, 'value') + ' set', ...(cleared > 0 ? [`${cleared} cleared`] : []), ...(result.added > 0 ? [plural(result.added, 'new attribute')] : [])];
    return ok({ summary: `Imported ${input.scope} attributes from “${input.fileName}”: ${what.join(', ')}`, changes: { attributes: plan.attributes, attributeValues: plan.values }, result });
  },
});
