import type pg from 'pg';
import {
  specChecks,
  specColumns,
  specForeignKeys,
  specIndexes,
  specPrimaryKeys,
  specUniques,
} from './schema-spec.js';

const same = (a: string[], b: string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/** Reads pg_catalog and lists every way the public schema departs from the specification. */
export async function findSchemaProblems(client: pg.Client): Promise<string[]> {
  const problems: string[] = [];

  const { rows: columns } = await client.query<{
    table: string;
    column: string;
    type: string;
    not_null: boolean;
    default: string | null;
  }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE a.attnum > 0 AND NOT a.attisdropped`);
  for (const [table, spec] of Object.entries(specColumns)) {
    for (const [column, expected] of Object.entries(spec)) {
      const actual = columns.find((row) => row.table === table && row.column === column);
      if (!actual) {
        problems.push(`${table}.${column} is missing`);
        continue;
      }
      if (actual.type !== expected.type)
        problems.push(`${table}.${column} is ${actual.type}, not ${expected.type}`);
      if (actual.not_null === expected.nullable) {
        problems.push(`${table}.${column} should be ${expected.nullable ? 'nullable' : 'NOT NULL'}`);
      }
      if (actual.default !== expected.default) {
        problems.push(`${table}.${column} defaults to ${actual.default}, not ${expected.default}`);
      }
    }
  }

  const { rows: constraints } = await client.query<{
    table: string;
    type: string;
    columns: string[];
    definition: string;
    on_delete: string;
  }>(`
    SELECT c.relname AS table, con.contype AS type, con.confdeltype AS on_delete,
           pg_get_constraintdef(con.oid) AS definition,
           ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'`);
  const constraintsOf = (table: string, type: string) =>
    constraints.filter((row) => row.table === table && row.type === type);

  for (const [table, pk] of Object.entries(specPrimaryKeys)) {
    if (!constraintsOf(table, 'p').some((row) => same(row.columns, pk))) {
      problems.push(`${table} has no primary key on (${pk.join(', ')})`);
    }
  }
  for (const { table, columns: unique } of specUniques) {
    if (!constraintsOf(table, 'u').some((row) => same(row.columns, unique))) {
      problems.push(`${table} has no unique constraint on (${unique.join(', ')})`);
    }
  }
  for (const fk of specForeignKeys) {
    const found = constraintsOf(fk.table, 'f').find((row) => same(row.columns, [fk.column]));
    if (!found) problems.push(`${fk.table}.${fk.column} has no foreign key`);
    else if (!found.definition.includes(`REFERENCES ${fk.references}`)) {
      problems.push(`${fk.table}.${fk.column} references the wrong table: ${found.definition}`);
    } else if (found.on_delete !== 'c') problems.push(`${fk.table}.${fk.column} does not cascade on delete`);
  }
  for (const check of specChecks) {
    const found = constraintsOf(check.table, 'c').filter((row) => same(row.columns, [check.column]));
    const listed = found.map((row) =>
      [...row.definition.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '').sort(),
    );
    if (!listed.some((values) => same(values, [...check.allowed].sort()))) {
      problems.push(
        `${check.table}.${check.column} has no CHECK allowing exactly ${check.allowed.join(', ')}`,
      );
    }
  }

  const { rows: indexes } = await client.query<{ name: string; table: string; columns: string[] }>(`
    SELECT i.relname AS name, t.relname AS table,
           ARRAY(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
    FROM pg_index ix
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'`);
  for (const [name, expected] of Object.entries(specIndexes)) {
    const found = indexes.find((row) => row.name === name);
    if (!found) problems.push(`index ${name} is missing`);
    else if (found.table !== expected.table || !same(found.columns, expected.columns)) {
      problems.push(
        `index ${name} is on ${found.table}(${found.columns.join(', ')}), not ${expected.table}(${expected.columns.join(', ')})`,
      );
    }
  }
  return problems;
}
