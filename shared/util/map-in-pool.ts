/**
 * `Promise.all(items.map(fn))` with at most `limit` calls in flight: each call starts when one
 * before it settles. Results come back in the items' order; the first rejection rejects the whole
 * (calls already started run to their end, none is started after it).
 */
export async function mapInPool<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!(limit >= 1)) throw new RangeError(`mapInPool: limit must be at least 1, not ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i] as T, i);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.floor(limit), items.length) }, worker));
  return results;
}
