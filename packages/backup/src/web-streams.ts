import { Readable } from 'node:stream';

// The global ReadableStream (not node:stream/web's): age-encryption's types name the global one, which is
// the DOM's when a package with the DOM library (the web app) type-checks this code.

/** A byte stream that asks the generator for its next piece only when the reader wants more. */
export function bytesToStream(pieces: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A Node stream over a file's bytes as a web stream (what age-encryption reads). */
export function nodeToWeb(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
}

/** Splits a UTF-8 byte stream into lines (without their `\n`); invalid UTF-8 throws. */
export async function* lines(stream: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = '';
  for await (const chunk of stream) {
    pending += decoder.decode(chunk, { stream: true });
    let end = pending.indexOf('\n');
    let start = 0;
    while (end !== -1) {
      yield pending.slice(start, end);
      start = end + 1;
      end = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending) yield pending;
}
