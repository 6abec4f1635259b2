import type { MikroORM } from '@mikro-orm/postgresql';

/** Runs one statement with `$1, $2, …` parameters and gives its rows. */
export type Sql = <Row>(text: string, values?: readonly unknown[]) => Promise<Row[]>;

interface PooledClient {
  query(config: { text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

interface KnexClient {
  acquireConnection(): Promise<PooledClient>;
  releaseConnection(connection: PooledClient): Promise<unknown>;
}

/**
 * The hot read paths' way to the database: straight to node-postgres on a connection of the ORM's own
 * pool (same limits, same statement timeout), with real bind parameters. MikroORM's `execute` formats
 * every value into the SQL text in JavaScript and runs it through knex, which the benchmark showed as a
 * large share of a list request's CPU (bench/README.md). Not for use inside a transaction: it takes a
 * connection of its own.
 */
export function poolSql(orm: MikroORM): Sql {
  const client = orm.em.getConnection().getKnex().client as unknown as KnexClient;
  return async <Row>(text: string, values: readonly unknown[] = []) => {
    const connection = await client.acquireConnection();
    try {
      return (await connection.query({ text, values })).rows as Row[];
    } finally {
      await client.releaseConnection(connection);
    }
  };
}
