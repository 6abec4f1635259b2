import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { findSchemaProblems } from './schema-inspection.js';
import { specChecks, specColumns, specIndexes } from './schema-spec.js';

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  await database.drop();
});

/** Runs the statements in a transaction that is always rolled back, so every test sees the migrated schema. */
async function inRollback<T>(work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    return await work();
  } finally {
    await client.query('ROLLBACK');
  }
}

async function sqlError(sql: string, params: unknown[] = []): Promise<string | undefined> {
  return inRollback(async () => {
    try {
      await client.query(sql, params);
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  });
}

async function insertUser(email = `u${Math.random()}@example.com`): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    "INSERT INTO users (email, name, password_hash) VALUES ($1, 'Ada', 'x') RETURNING id",
    [email],
  );
  return rows[0]?.id ?? '';
}

describe('the migrated schema', () => {
  it('matches every column, key, constraint and index of the specification', async () => {
    expect(await findSchemaProblems(client)).toEqual([]);
  });

  it('fills in the specified defaults', async () => {
    await inRollback(async () => {
      const userId = await insertUser();
      const { rows: users } = await client.query('SELECT * FROM users WHERE id = $1', [userId]);
      expect(users[0]).toMatchObject({ is_active: true, is_verified: false });
      expect(users[0].created_at).toBeInstanceOf(Date);
      const { rows: tasks } = await client.query(
        "INSERT INTO tasks (user_id, title) VALUES ($1, 'Defaults') RETURNING *",
        [userId],
      );
      expect(tasks[0]).toMatchObject({
        status: 'pending',
        priority: 'medium',
        description: null,
        due_date: null,
      });
      expect(tasks[0].id).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  it('accepts every allowed status and priority', async () => {
    await inRollback(async () => {
      const userId = await insertUser();
      for (const status of ['pending', 'in_progress', 'completed']) {
        for (const priority of ['low', 'medium', 'high']) {
          await client.query('INSERT INTO tasks (user_id, title, status, priority) VALUES ($1, $2, $3, $4)', [
            userId,
            `${status}/${priority}`,
            status,
            priority,
          ]);
        }
      }
      const { rows } = await client.query('SELECT count(*)::int AS n FROM tasks WHERE user_id = $1', [
        userId,
      ]);
      expect(rows[0].n).toBe(9);
    });
  });

  it('refuses a bad status, a bad priority and a task for a missing user', async () => {
    const userId = await insertUser();
    const insertTask = 'INSERT INTO tasks (user_id, title, status, priority) VALUES ($1, $2, $3, $4)';
    expect(await sqlError(insertTask, [userId, 'x', 'done', 'low'])).toBe('23514');
    expect(await sqlError(insertTask, [userId, 'x', 'pending', 'urgent'])).toBe('23514');
    expect(await sqlError(insertTask, ['00000000-0000-4000-8000-000000000000', 'x', 'pending', 'low'])).toBe(
      '23503',
    );
    expect(
      await sqlError("INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, 'h', now())", [
        '00000000-0000-4000-8000-000000000000',
      ]),
    ).toBe('23503');
  });

  it('refuses a duplicate email and a duplicate token hash', async () => {
    await insertUser('same@example.com');
    expect(
      await sqlError("INSERT INTO users (email, name, password_hash) VALUES ('same@example.com', 'B', 'x')"),
    ).toBe('23505');
    const userId = await insertUser();
    await client.query("INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, 'dup', now())", [
      userId,
    ]);
    expect(
      await sqlError("INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, 'dup', now())", [
        userId,
      ]),
    ).toBe('23505');
  });

  it("deletes a user's tasks and sessions with the user", async () => {
    const userId = await insertUser();
    await client.query("INSERT INTO tasks (user_id, title) VALUES ($1, 'a'), ($1, 'b')", [userId]);
    await client.query(
      "INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, 'cascade', now())",
      [userId],
    );
    await client.query('DELETE FROM users WHERE id = $1', [userId]);
    const { rows } = await client.query(
      'SELECT (SELECT count(*) FROM tasks WHERE user_id = $1)::int AS tasks, (SELECT count(*) FROM sessions WHERE user_id = $1)::int AS sessions',
      [userId],
    );
    expect(rows[0]).toEqual({ tasks: 0, sessions: 0 });
  });
});

describe('the conformance check itself', () => {
  // Each change removes or alters one specified fact; the check must notice every one of them.
  const mutations: string[] = [
    ...Object.keys(specIndexes).map((name) => `DROP INDEX ${name}`),
    ...specChecks.map(
      ({ column }) =>
        `DO $$ DECLARE c text; BEGIN SELECT conname INTO c FROM pg_constraint WHERE conrelid = 'tasks'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%${column}%'; EXECUTE format('ALTER TABLE tasks DROP CONSTRAINT %I', c); END $$`,
    ),
    'ALTER TABLE tasks DROP CONSTRAINT tasks_user_id_fkey, ADD FOREIGN KEY (user_id) REFERENCES users(id)',
    'ALTER TABLE sessions DROP CONSTRAINT sessions_user_id_fkey',
    'ALTER TABLE users DROP CONSTRAINT users_email_key',
    'ALTER TABLE sessions DROP CONSTRAINT sessions_token_hash_key',
    'ALTER TABLE tasks ALTER COLUMN status DROP DEFAULT',
    'ALTER TABLE tasks ALTER COLUMN title TYPE varchar(300)',
    // The sort indexes' expressions only hold for timestamptz, so they go first.
    'DROP INDEX tasks_user_id_due_date_sort_idx, tasks_user_id_due_date_desc_sort_idx; ALTER TABLE tasks ALTER COLUMN due_date TYPE timestamp',
    'ALTER TABLE users ALTER COLUMN name DROP NOT NULL',
    'ALTER TABLE users ALTER COLUMN is_active SET DEFAULT false',
    ...Object.entries(specColumns).flatMap(([table, columns]) =>
      Object.keys(columns).map((column) => `ALTER TABLE ${table} DROP COLUMN ${column} CASCADE`),
    ),
  ];

  it.each(mutations)('fails after: %s', async (statement) => {
    const problems = await inRollback(async () => {
      await client.query(statement);
      return findSchemaProblems(client);
    });
    expect(problems.length).toBeGreaterThan(0);
  });
});
