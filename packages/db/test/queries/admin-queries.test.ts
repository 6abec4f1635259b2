import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  createDatabase,
  createDatabaseIfMissing,
  databaseExists,
  dropDatabase,
  dropDatabasesStartingWith,
} from '../../src/queries/admin-queries.js';

// Server-level statements against the test server. Every name starts with this run's prefix, so the
// run's teardown removes anything a failed test leaves behind; afterAll cleans up this file's own.
const { serverUrl, template, prefix } = inject('taskappTestDatabase');
const mine = `${prefix}adm${randomBytes(4).toString('hex')}_`;
const unique = (label: string) => `${mine}${label}_${randomBytes(3).toString('hex')}`;

afterAll(() => dropDatabasesStartingWith(serverUrl, mine));

async function tablesOf(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ tablename: string }>(
      `select tablename from pg_tables where schemaname = 'public' order by tablename`,
    );
    return result.rows.map((row) => row.tablename);
  } finally {
    await client.end();
  }
}

describe('admin queries', () => {
  it('createDatabase creates an empty database and returns its URL; databaseExists sees it; dropDatabase removes it', async () => {
    const name = unique('plain');
    expect(await databaseExists(serverUrl, name)).toBe(false);
    const url = await createDatabase(serverUrl, name);
    expect(decodeURIComponent(new URL(url).pathname.slice(1))).toBe(name);
    expect(await databaseExists(serverUrl, name)).toBe(true);
    expect(await tablesOf(url)).toEqual([]);
    await dropDatabase(serverUrl, name);
    expect(await databaseExists(serverUrl, name)).toBe(false);
  });

  it('createDatabase with a template copies the template’s tables', async () => {
    const name = unique('copy');
    const url = await createDatabase(serverUrl, name, { template });
    const tables = await tablesOf(url);
    expect(tables).toEqual(expect.arrayContaining(['users', 'tasks', 'sessions']));
    await dropDatabase(serverUrl, name);
  });

  it('quotes names: capitals, spaces, semicolons and embedded double quotes are part of the name', async () => {
    const name = unique('Odd "Name"; drop database x');
    await createDatabase(serverUrl, name);
    expect(await databaseExists(serverUrl, name)).toBe(true);
    expect(await databaseExists(serverUrl, name.toLowerCase())).toBe(false);
    await dropDatabase(serverUrl, name);
    expect(await databaseExists(serverUrl, name)).toBe(false);
  });

  it('returns a URL that connects to the database it created, even with quotes, spaces, ; / @ : in its name', async () => {
    const name = unique('Quoted "Name";a/b@c:d');
    const url = await createDatabase(serverUrl, name, { template });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query<{ db: string }>('select current_database() as db')).rows[0]?.db).toBe(name);
    } finally {
      await client.end();
    }
    await dropDatabase(serverUrl, name);
  });

  it('dropDatabase closes connections still open to the database', async () => {
    const name = unique('busy');
    const url = await createDatabase(serverUrl, name);
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await dropDatabase(serverUrl, name);
      expect(await databaseExists(serverUrl, name)).toBe(false);
    } finally {
      await client.end().catch(() => undefined);
    }
  });

  it('dropDatabase of a database that does not exist does nothing', async () => {
    await expect(dropDatabase(serverUrl, unique('never'))).resolves.toBeUndefined();
  });

  it('createDatabaseIfMissing creates once and then leaves the existing database alone', async () => {
    const name = unique('once');
    const url = await createDatabaseIfMissing(serverUrl, name);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('create table marker (id int)');
    await client.end();
    expect(await createDatabaseIfMissing(serverUrl, name)).toBe(url);
    expect(await tablesOf(url)).toEqual(['marker']);
    await dropDatabase(serverUrl, name);
  });

  it('dropDatabasesStartingWith drops only names with that exact prefix (_ and % are not wildcards)', async () => {
    const group = unique('grp');
    const inside = [`${group}_x_1`, `${group}_x_2`];
    // Would match LIKE '<group>_x_%', where _ stands for any character.
    const outside = [`${group}_xa1`, `${group}Zx_1`, `${group}_y_1`];
    for (const name of [...inside, ...outside]) await createDatabase(serverUrl, name);
    await dropDatabasesStartingWith(serverUrl, `${group}_x_`);
    for (const name of inside) expect(await databaseExists(serverUrl, name)).toBe(false);
    for (const name of outside) expect(await databaseExists(serverUrl, name)).toBe(true);

    await createDatabase(serverUrl, `${group}%pct`);
    await dropDatabasesStartingWith(serverUrl, `${group}%`);
    expect(await databaseExists(serverUrl, `${group}%pct`)).toBe(false);
    for (const name of outside) expect(await databaseExists(serverUrl, name)).toBe(true);

    await dropDatabasesStartingWith(serverUrl, group);
    for (const name of outside) expect(await databaseExists(serverUrl, name)).toBe(false);
    expect(await databaseExists(serverUrl, template)).toBe(true);
  });
});
