/** Marks how a coding's passage is quoted in a paper: verbatim, paraphrased, or not quoted. */
import type { Coding, QuotedAs } from '../../model/records';
import { err, ok } from '../../util/result';
import { defineOperation, unchanged } from '../operation';
import { excerpt } from './excerpt';

export type QuotedChoice = QuotedAs | 'not-quoted';

const LABEL: Record<QuotedChoice, string> = { verbatim: 'quoted verbatim', paraphrased: 'paraphrased', 'not-quoted': 'not quoted' };

export const setCodingQuoted = defineOperation<{ codingId: string; quoted: QuotedChoice }, { coding: Coding | undefined }, Coding>({
  kind: 'coding.quoted',
  async read(reader, { codingId }) {
    return { coding: (await reader.codingsByIds([codingId])).get(codingId) };
  },
  plan({ coding }, { codingId, quoted }, { at }) {
    if (!coding) return err({ record: `coding ${codingId}`, field: 'id', message: 'the coding does not exist' });
    if (!(quoted in LABEL)) return err({ record: `coding ${codingId}`, field: 'quoted', message: 'expected verbatim, paraphrased or not-quoted' });
    if ((coding.quoted ?? 'not-quoted') === quoted) return unchanged(`Already ${LABEL[quoted]}`, coding);
    const { quoted: _old, ...rest } = coding;
    void _old;
    const after: Coding = { ...rest, ...(quoted === 'not-quoted' ? {} : { quoted }), updatedAt: at };
    return ok({ summary: `Marked “${excerpt(coding.quote)}” as ${LABEL[quoted]} in the paper`, changes: { codings: [{ before: coding, after }] }, result: after });
  },
});
