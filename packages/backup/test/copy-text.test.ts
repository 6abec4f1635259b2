import { describe, expect, it } from 'vitest';
import { type BodyItem, bodyItems, countLines } from '../src/copy-text.js';

// Rows whose text starts with a backslash (an escaped value, `\N`) or contains `\.` inside: only a line
// that is exactly `\.` ends a table.
const ROWS_A = 'a1\t\\N\n\\\\.\tx\n\\.b\t\\\\\n';
const BODY = `@table a\n${ROWS_A}\\.\n@table empty\n\\.\n@table c\nc1\n\\.\n@manifest {"tables":[]}\n`;

async function parse(chunks: string[]): Promise<BodyItem[]> {
  const items: BodyItem[] = [];
  async function* source() {
    for (const chunk of chunks) yield Buffer.from(chunk);
  }
  for await (const item of bodyItems(source())) items.push(item);
  return items;
}

/** The items with each table's rows joined, as a reader sees them whatever the chunking. */
function joined(items: BodyItem[]) {
  const out: (string | { rows: string; count: number })[] = [];
  for (const item of items) {
    const last = out.at(-1);
    if (item.kind === 'rows') {
      if (typeof last === 'object') {
        last.rows += item.data.toString();
        last.count += item.rows;
      } else out.push({ rows: item.data.toString(), count: item.rows });
    } else out.push(item.kind === 'control' ? item.line : '<end>');
  }
  return out;
}

const EXPECTED = [
  '@table a',
  { rows: ROWS_A, count: 3 },
  '<end>',
  '@table empty',
  '<end>',
  '@table c',
  { rows: 'c1\n', count: 1 },
  '<end>',
  '@manifest {"tables":[]}',
];

describe('splitting a format 3 body', () => {
  it('finds the same control lines, rows and ends however the bytes are cut', async () => {
    expect(joined(await parse([BODY]))).toEqual(EXPECTED);
    for (let cut = 1; cut < BODY.length; cut += 1) {
      expect(joined(await parse([BODY.slice(0, cut), BODY.slice(cut)]))).toEqual(EXPECTED);
    }
    expect(joined(await parse(BODY.split('')))).toEqual(EXPECTED);
  });

  it('hands out whole rows only', async () => {
    for (const item of await parse(BODY.split(''))) {
      if (item.kind === 'rows') expect(item.data.at(-1)).toBe(0x0a);
    }
  });

  it('refuses a body that ends inside a table', async () => {
    await expect(parse(['@table a\na1\n'])).rejects.toThrow(/ends in the middle of a table/);
    await expect(parse(['@table a\na1'])).rejects.toThrow(/ends in the middle of a table/);
  });

  it('counts lines', () => {
    expect(countLines(Buffer.from(ROWS_A))).toBe(3);
    expect(countLines(Buffer.from('no end'))).toBe(0);
  });
});
