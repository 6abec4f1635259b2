import { databaseUrl, withClient } from '../pg.js';
import { execute, identifier, rows, sql } from './sql.js';

// Server-level work on a maintenance connection (any database of the server, usually "postgres").

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const found = await withClient(serverUrl, (client) =>
    rows(client, sql`select 1 from pg_database where datname = ${name}`),
  );
  return found.length > 0;
}

/** Creates the database, optionally as a copy of a template; returns its URL. */
export async function createDatabase(
  serverUrl: string,
  name: string,
  options: { template?: string } = {},
): Promise<string> {
  const template = options.template ? sql` template ${identifier(options.template)}` : sql``;
  await withClient(serverUrl, (client) =>
    execute(client, sql`create database ${identifier(name)}${template}`),
  );
  return databaseUrl(serverUrl, name);
}

export async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<string> {
  if (!(await databaseExists(serverUrl, name))) await createDatabase(serverUrl, name);
  return databaseUrl(serverUrl, name);
}

/** Drops the database, closing any connection still open to it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) =>
    execute(client, sql`drop database if exists ${identifier(name)} with (force)`),
  );
}

/** Drops every database whose name starts with the prefix (test runs, scratch databases). */
export async function dropDatabasesStartingWith(serverUrl: string, prefix: string): Promise<void> {
  const names = await withClient(serverUrl, (client) =>
    rows<{ datname: string }>(
      client,
      sql`select datname from pg_database where starts_with(datname, ${prefix})`,
    ),
  );
  for (const { datname } of names) await dropDatabase(serverUrl, datname);
}
