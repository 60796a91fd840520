import { sliceCodePoints } from '../../text/offsets';

/** A quote cut to a readable length for summaries: “the first forty characters…”. */
export function excerpt(quote: string, max = 40): string {
  const head = sliceCodePoints(quote, 0, max);
  return head.length < quote.length ? `${head}…` : quote;
}
