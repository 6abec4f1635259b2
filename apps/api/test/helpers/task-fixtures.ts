import { randomUUID } from 'node:crypto';
import { createTestOrm, type TestOrm } from '@taskapp/db/testing';
import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import type { AppDependencies } from '../../src/trpc/context.js';
import { type Sql, sqlOn } from './sql.js';
import { callerFor, testDependencies } from './test-deps.js';

export type Caller = ReturnType<typeof callerFor>;

export interface TaskTestDb extends Sql {
  db: TestOrm;
  deps: AppDependencies;
  close(): Promise<void>;
}

export async function openTaskTestDb(): Promise<TaskTestDb> {
  const db = await createTestOrm();
  const deps = testDependencies(db, 'smtp://127.0.0.1:9');
  return { db, deps, ...sqlOn(db.orm), close: () => db.close() };
}

export interface TestUser {
  userId: string;
  /** A new caller (and so a new EntityManager, like a new HTTP request) on every access. */
  readonly api: Caller;
}

let sequence = 0;

/** A user row made by SQL (no password hashing) and a signed-in caller for it. */
export async function newUser(t: TaskTestDb, label = 'user'): Promise<TestUser> {
  sequence += 1;
  const [row] = await t.query<{ id: string }>(
    "insert into users (email, name, password_hash) values (?, 'Test', 'x') returning id",
    [`${label}-${sequence}-${randomUUID().slice(0, 8)}@example.com`],
  );
  const userId = row?.id ?? '';
  // A real session row, as a sign-in leaves: procedures that look at it (the export's recent sign-in) find it.
  const [signedIn] = await t.query<{ id: string }>(
    "insert into sessions (user_id, token_hash, expires_at) values (?, ?, now() + interval '1 day') returning id",
    [userId, randomUUID()],
  );
  const session = { userId, sessionId: signedIn?.id ?? randomUUID() };
  return {
    userId,
    get api() {
      return callerFor(t.deps, session);
    },
  };
}

/** The whole stored row as PostgreSQL prints it (microseconds and user_id included), or null. */
export async function taskRow(t: TaskTestDb, id: string): Promise<string | null> {
  const [row] = await t.query<{ json: string }>(
    'select row_to_json(t)::text as json from tasks t where id = ?',
    [id],
  );
  return row?.json ?? null;
}

/** Every row of the tasks table, for "nothing else changed" checks. */
export async function allTaskRows(t: TaskTestDb): Promise<string[]> {
  const rows = await t.query<{ json: string }>(
    'select row_to_json(t)::text as json from tasks t order by id',
  );
  return rows.map((row) => row.json);
}

export async function countTasks(t: TaskTestDb, userId?: string): Promise<number> {
  const [row] = userId
    ? await t.query<{ n: number }>('select count(*)::int as n from tasks where user_id = ?', [userId])
    : await t.query<{ n: number }>('select count(*)::int as n from tasks');
  return row?.n ?? -1;
}

export interface RawTask {
  id?: string;
  title?: string;
  description?: string | null;
  status?: 'pending' | 'in_progress' | 'completed';
  priority?: 'low' | 'medium' | 'high';
  /** ISO text, so microseconds can be given. */
  dueDate?: string | null;
  completedAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

/** Inserts tasks by SQL (fast, and with any timestamps), 500 per statement; returns their ids. */
export async function insertTasks(t: TaskTestDb, userId: string, tasks: RawTask[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < tasks.length; start += 500) {
    const chunk = tasks.slice(start, start + 500);
    const values: string[] = [];
    const params: unknown[] = [];
    for (const task of chunk) {
      const id = task.id ?? randomUUID();
      ids.push(id);
      const now = new Date().toISOString();
      values.push('(?, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz)');
      params.push(
        id,
        userId,
        task.title ?? 'Task',
        task.description ?? null,
        task.status ?? 'pending',
        task.priority ?? 'medium',
        task.dueDate ?? null,
        task.completedAt !== undefined ? task.completedAt : task.status === 'completed' ? now : null,
        task.createdAt ?? now,
        task.updatedAt ?? task.createdAt ?? now,
      );
    }
    await t.run(
      `insert into tasks (id, user_id, title, description, status, priority, due_date, completed_at, created_at, updated_at)
       values ${values.join(', ')}`,
      params,
    );
  }
  return ids;
}

/** Asserts that the call fails with the tRPC error code given and returns the error. */
export async function expectCode(call: Promise<unknown>, code: TRPCError['code']): Promise<TRPCError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}, but the call succeeded`).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  return error as TRPCError;
}

/** A uuid that no row has. */
export const missingId = () => randomUUID();
