/** gzip in the renderer with the platform's CompressionStream (Chromium, Electron, Node ≥ 18): no library needed. */
export async function gzipText(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The text in gzipped bytes; rejects on bytes that are not a whole gzip stream. */
export async function gunzipText(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/**
 * gzip of bytes given in pieces, never joined into one string: a million posts' bundle serializes
 * past V8's longest string (bench/scale-browser.mjs), so backups are made from its chunks.
 */
export async function gzipChunks(chunks: Iterable<Uint8Array>): Promise<Uint8Array> {
  const pieces = chunks[Symbol.iterator]();
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value as Uint8Array<ArrayBuffer>);
    },
  });
  return new Uint8Array(await new Response(source.pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
}

/** The unzipped bytes a piece at a time; the iteration throws on bytes that are not a whole gzip stream. */
export async function* gunzipChunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) yield read.value;
  } finally {
    reader.releaseLock();
  }
}
