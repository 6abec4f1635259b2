import type { Queryable } from '../pg.js';

/**
 * A piece of SQL whose values travel as bind parameters. Written with the `sql` tag, so a value can only
 * ever become a parameter: `sql\`where "user_id" = ${userId}\`` is `where "user_id" = $1` plus [userId].
 * Trusted SQL text (column lists, sort expressions) is spliced in with `raw`, lists with `join`.
 */
export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** The statement node-postgres runs: `$1, $2, …` numbered in order of appearance. */
  toStatement(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.render(values);
    return { text, values };
  }

  private render(values: unknown[]): string {
    let text = this.strings[0] ?? '';
    this.values.forEach((value, index) => {
      text += value instanceof Sql ? value.render(values) : `$${values.push(value)}`;
      text += this.strings[index + 1] ?? '';
    });
    return text;
  }
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/** SQL text written by us, never by a user: column lists, sort expressions, keywords. */
export function raw(text: string): Sql {
  return new Sql([text], []);
}

/** Fragments joined by a separator, e.g. the conditions of a WHERE clause. */
export function join(parts: readonly Sql[], separator: string): Sql {
  if (parts.length === 0) return raw('');
  return new Sql(['', ...parts.slice(1).map(() => separator), ''], parts);
}

/** The rows a statement returns. `Row` is what the SQL selects, declared next to it and checked by its tests. */
export async function rows<Row>(db: Queryable, query: Sql): Promise<Row[]> {
  return (await db.query(query.toStatement())).rows as Row[];
}

/** The first row, or undefined. */
export async function firstRow<Row>(db: Queryable, query: Sql): Promise<Row | undefined> {
  return (await rows<Row>(db, query))[0];
}

/** How many rows an INSERT, UPDATE or DELETE touched. */
export async function rowCount(db: Queryable, query: Sql): Promise<number> {
  return (await db.query(query.toStatement())).rowCount ?? 0;
}

/** A name (database, table, column) quoted as an identifier; names can never become parameters. */
export function identifier(name: string): Sql {
  return raw(`"${name.replace(/"/g, '""')}"`);
}

/** Runs a statement whose result nobody reads. */
export async function execute(db: Queryable, query: Sql): Promise<void> {
  await db.query(query.toStatement());
}
