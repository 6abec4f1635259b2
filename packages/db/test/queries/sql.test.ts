import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/pg.js';
import { execute, firstRow, identifier, join, raw, rowCount, rows, Sql, sql } from '../../src/queries/sql.js';

// Pure: what the tag renders, and what the helpers hand to an executor. No database.

describe('sql tag', () => {
  it('turns every value into a numbered parameter, in order of appearance', () => {
    const when = new Date('2026-01-02T03:04:05.678Z');
    const statement =
      sql`select * from t where a = ${1} and b = ${'two'} and c = ${null} and d = ${when}`.toStatement();
    expect(statement.text).toBe('select * from t where a = $1 and b = $2 and c = $3 and d = $4');
    expect(statement.values).toEqual([1, 'two', null, when]);
  });

  it('renders a statement without values as its text and no parameters', () => {
    expect(sql`select 1`.toStatement()).toEqual({ text: 'select 1', values: [] });
    expect(sql``.toStatement()).toEqual({ text: '', values: [] });
  });

  it('renumbers the parameters of nested fragments after the ones before them', () => {
    const inner = sql`x = ${'x'} and y = ${'y'}`;
    const statement = sql`a = ${'a'} and (${inner}) and z = ${'z'}`.toStatement();
    expect(statement.text).toBe('a = $1 and (x = $2 and y = $3) and z = $4');
    expect(statement.values).toEqual(['a', 'x', 'y', 'z']);
  });

  it('numbers a fragment used twice once for each use', () => {
    const inner = sql`k = ${7}`;
    const statement = sql`${inner} or ${inner} or m = ${8}`.toStatement();
    expect(statement.text).toBe('k = $1 or k = $2 or m = $3');
    expect(statement.values).toEqual([7, 7, 8]);
  });

  it('renumbers fragments nested several levels deep', () => {
    const deepest = sql`d = ${4}`;
    const middle = sql`c = ${3} and ${deepest}`;
    const statement = sql`a = ${1} and ${sql`b = ${2} and ${middle}`} and e = ${5}`.toStatement();
    expect(statement.text).toBe('a = $1 and b = $2 and c = $3 and d = $4 and e = $5');
    expect(statement.values).toEqual([1, 2, 3, 4, 5]);
  });

  it('renders the same statement every time it is asked (rendering keeps no state)', () => {
    const query = sql`a = ${1} and ${sql`b = ${2}`}`;
    expect(query.toStatement()).toEqual(query.toStatement());
    expect(query.toStatement().text).toBe('a = $1 and b = $2');
  });

  it('keeps a value that looks like SQL injection as one parameter, never as SQL text', () => {
    const attack = `'; drop table users; -- $1 "x"`;
    const statement = sql`select * from users where email = ${attack}`.toStatement();
    expect(statement.text).toBe('select * from users where email = $1');
    expect(statement.values).toEqual([attack]);
    expect(statement.text).not.toContain('drop');
  });

  it('passes objects and arrays through as single parameters', () => {
    const ids = ['a', 'b'];
    const statement = sql`where id = any(${ids}::uuid[])`.toStatement();
    expect(statement.text).toBe('where id = any($1::uuid[])');
    expect(statement.values).toEqual([ids]);
  });
});

describe('raw', () => {
  it('is spliced in verbatim, with no parameters even when it contains $n or quotes', () => {
    const text = `"due_date" < '$1' -- not a parameter`;
    expect(raw(text).toStatement()).toEqual({ text, values: [] });
    const statement = sql`where ${raw(text)} and a = ${5}`.toStatement();
    expect(statement.text).toBe(`where ${text} and a = $1`);
    expect(statement.values).toEqual([5]);
  });

  it('is an Sql fragment, which the tag treats as SQL rather than as a value', () => {
    expect(raw('x')).toBeInstanceOf(Sql);
    expect(sql`${raw('now()')}`.toStatement()).toEqual({ text: 'now()', values: [] });
  });
});

describe('join', () => {
  it('puts the separator between fragments and numbers their parameters in order', () => {
    const statement = join([sql`a = ${1}`, raw('b is null'), sql`c = ${3}`], ' and ').toStatement();
    expect(statement.text).toBe('a = $1 and b is null and c = $2');
    expect(statement.values).toEqual([1, 3]);
  });

  it('renumbers after the parameters that precede it in the enclosing statement', () => {
    const list = join([sql`${'x'}`, sql`${'y'}`], ', ');
    const statement = sql`where a = ${'first'} and b in (${list}) limit ${10}`.toStatement();
    expect(statement.text).toBe('where a = $1 and b in ($2, $3) limit $4');
    expect(statement.values).toEqual(['first', 'x', 'y', 10]);
  });

  it('of one fragment is that fragment alone, without a separator', () => {
    expect(join([sql`a = ${1}`], ' and ').toStatement()).toEqual({ text: 'a = $1', values: [1] });
  });

  it('of an empty list is empty text with no parameters', () => {
    expect(join([], ' and ').toStatement()).toEqual({ text: '', values: [] });
    expect(sql`select 1${join([], ', ')} from t where a = ${2}`.toStatement()).toEqual({
      text: 'select 1 from t where a = $1',
      values: [2],
    });
  });

  it('uses the separator verbatim (it is trusted text, not a value)', () => {
    expect(join([raw('a'), raw('b')], ' or ').toStatement().text).toBe('a or b');
    expect(join([raw('a'), raw('b')], ',\n').toStatement().text).toBe('a,\nb');
  });
});

describe('identifier', () => {
  it('double-quotes a name', () => {
    expect(identifier('tasks').toStatement()).toEqual({ text: '"tasks"', values: [] });
  });

  it('doubles embedded double quotes, so a name cannot end the identifier early', () => {
    expect(identifier('my"table').toStatement().text).toBe('"my""table"');
    expect(identifier('x"; drop table users; --').toStatement().text).toBe('"x""; drop table users; --"');
    expect(identifier('""').toStatement().text).toBe('""""""');
  });

  it('keeps case, spaces and dollar signs as part of the name, never as parameters', () => {
    expect(identifier('Mixed Case $1').toStatement()).toEqual({ text: '"Mixed Case $1"', values: [] });
  });

  it('is spliced into a statement as text between parameters', () => {
    const statement = sql`select ${1} from ${identifier('a"b')} where c = ${2}`.toStatement();
    expect(statement.text).toBe('select $1 from "a""b" where c = $2');
    expect(statement.values).toEqual([1, 2]);
  });
});

/** An executor that records what it was asked and answers with a canned result. */
function fakeExecutor(result: { rows: unknown[]; rowCount: number | null }) {
  const seen: { text: string; values: unknown[] }[] = [];
  const db: Queryable = {
    async query(statement) {
      seen.push(statement);
      return result;
    },
  };
  return { db, seen };
}

describe('executor helpers', () => {
  it('rows sends the rendered statement and returns every row', async () => {
    const { db, seen } = fakeExecutor({ rows: [{ n: 1 }, { n: 2 }], rowCount: 2 });
    expect(await rows(db, sql`select n from t where a = ${'a'}`)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(seen).toEqual([{ text: 'select n from t where a = $1', values: ['a'] }]);
  });

  it('firstRow returns the first row, or undefined when there is none', async () => {
    expect(await firstRow(fakeExecutor({ rows: [{ n: 1 }, { n: 2 }], rowCount: 2 }).db, sql`x`)).toEqual({
      n: 1,
    });
    expect(await firstRow(fakeExecutor({ rows: [], rowCount: 0 }).db, sql`x`)).toBeUndefined();
  });

  it('rowCount returns the count the driver reports, and 0 when it reports none', async () => {
    expect(await rowCount(fakeExecutor({ rows: [], rowCount: 3 }).db, sql`delete`)).toBe(3);
    expect(await rowCount(fakeExecutor({ rows: [], rowCount: null }).db, sql`delete`)).toBe(0);
  });

  it('execute sends the statement once and returns nothing', async () => {
    const { db, seen } = fakeExecutor({ rows: [{ n: 1 }], rowCount: 1 });
    expect(await execute(db, sql`select pg_advisory_lock(${42})`)).toBeUndefined();
    expect(seen).toEqual([{ text: 'select pg_advisory_lock($1)', values: [42] }]);
  });
});
