import { CONTROL, END_OF_ROWS } from './format.js';

const NEWLINE = 0x0a;
const END_MARKER = Buffer.from(`${END_OF_ROWS}\n`);

/** The number of lines (rows) that end in this piece of COPY text. */
export function countLines(chunk: Buffer): number {
  let count = 0;
  let at = chunk.indexOf(NEWLINE);
  while (at !== -1) {
    count += 1;
    at = chunk.indexOf(NEWLINE, at + 1);
  }
  return count;
}

export type BodyItem =
  /** A control line (`@table …`, `@manifest …`), without its `\n`. */
  | { kind: 'control'; line: string }
  /** Whole rows of the current table as COPY text, each line with its `\n`. */
  | { kind: 'rows'; data: Buffer; rows: number }
  /** The `\.` line that ends a table's rows. */
  | { kind: 'end-of-rows' };

/**
 * Splits the decompressed part of a format 3 backup into control lines and runs of whole rows, without
 * decoding the rows: they go to `COPY … FROM STDIN` as they are. After `@table …` every line up to `\.` is
 * a row; COPY text writes a backslash in a value as `\\`, so no row is ever exactly `\.`.
 */
export async function* bodyItems(chunks: AsyncIterable<Buffer>): AsyncGenerator<BodyItem> {
  let inRows = false;
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const buffer = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let position = 0;
    while (position < buffer.length) {
      if (!inRows) {
        const end = buffer.indexOf(NEWLINE, position);
        if (end === -1) break;
        const line = buffer.toString('utf8', position, end);
        position = end + 1;
        inRows = line.startsWith(CONTROL.table);
        yield { kind: 'control', line };
        continue;
      }
      const start = position;
      let rows = 0;
      let ended = false;
      while (position < buffer.length) {
        if (buffer[position] === END_MARKER[0]) {
          if (buffer.length - position < END_MARKER.length) break;
          if (
            buffer.compare(END_MARKER, 0, END_MARKER.length, position, position + END_MARKER.length) === 0
          ) {
            ended = true;
            break;
          }
        }
        const end = buffer.indexOf(NEWLINE, position);
        if (end === -1) break;
        rows += 1;
        position = end + 1;
      }
      if (position > start) yield { kind: 'rows', data: buffer.subarray(start, position), rows };
      if (!ended) break;
      position += END_MARKER.length;
      inRows = false;
      yield { kind: 'end-of-rows' };
    }
    pending = buffer.subarray(position);
  }
  if (inRows || pending.length > 0) throw new Error('it ends in the middle of a table');
}
