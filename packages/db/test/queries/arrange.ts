import { randomBytes, randomUUID } from 'node:crypto';
import type { TaskPriority, TaskStatus } from '@taskapp/shared';
import type pg from 'pg';

// Plain SQL to arrange and inspect rows in the query modules' tests, independent of the code under test.

export async function insertUser(pool: pg.Pool, options: { isActive?: boolean } = {}): Promise<string> {
  const result = await pool.query<{ id: string }>(
    `insert into users (email, name, password_hash, is_active) values ($1, 'Someone', 'not-a-hash', $2)
     returning id`,
    [`${randomBytes(8).toString('hex')}@example.test`, options.isActive ?? true],
  );
  return (result.rows[0] as { id: string }).id;
}

export interface TaskFields {
  id?: string;
  title?: string;
  description?: string | null;
  status?: TaskStatus;
  priority?: TaskPriority;
  dueDate?: Date | string | null;
  allDay?: boolean;
  completedAt?: Date | string | null;
  /** A Date or a timestamptz literal (for microseconds). */
  createdAt?: Date | string;
  updatedAt?: Date | string;
}

export async function insertTask(pool: pg.Pool, userId: string, fields: TaskFields = {}): Promise<string> {
  const createdAt = fields.createdAt ?? new Date();
  const result = await pool.query<{ id: string }>(
    `insert into tasks (id, user_id, title, description, status, priority, due_date, all_day, completed_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [
      fields.id ?? randomUUID(),
      userId,
      fields.title ?? 'A task',
      fields.description ?? null,
      fields.status ?? 'pending',
      fields.priority ?? 'medium',
      fields.dueDate ?? null,
      fields.allDay ?? false,
      fields.completedAt !== undefined
        ? fields.completedAt
        : fields.status === 'completed'
          ? createdAt
          : null,
      createdAt,
      fields.updatedAt ?? createdAt,
    ],
  );
  return (result.rows[0] as { id: string }).id;
}

/** A task row as stored, timestamps as ISO text in UTC with microseconds. */
export interface StoredTask {
  id: string;
  user_id: string;
  title: string;
  description: string | null;
  status: TaskStatus;
  priority: TaskPriority;
  due_date: string | null;
  all_day: boolean;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

const isoUs = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as ${column}`;

export async function storedTask(pool: pg.Pool, id: string): Promise<StoredTask | undefined> {
  const result = await pool.query<StoredTask>(
    `select id, user_id, title, description, status, priority, ${isoUs('due_date')}, all_day, ${isoUs('completed_at')},
            ${isoUs('created_at')}, ${isoUs('updated_at')}
     from tasks where id = $1`,
    [id],
  );
  return result.rows[0];
}

export async function storedTasksOf(pool: pg.Pool, userId: string): Promise<StoredTask[]> {
  const result = await pool.query<{ id: string }>('select id from tasks where user_id = $1 order by id', [
    userId,
  ]);
  const found: StoredTask[] = [];
  for (const { id } of result.rows) found.push((await storedTask(pool, id)) as StoredTask);
  return found;
}

/** A Date as `storedTask` prints it (milliseconds padded to microseconds). */
export const asStored = (date: Date | null): string | null =>
  date === null ? null : `${date.toISOString().slice(0, -1)}000Z`;

export async function insertSession(
  pool: pg.Pool,
  userId: string,
  fields: { expiresAt: Date; lastUsedAt?: Date },
): Promise<string> {
  const result = await pool.query<{ id: string }>(
    `insert into sessions (user_id, token_hash, expires_at, last_used_at) values ($1, $2, $3, $4) returning id`,
    [userId, randomBytes(32).toString('hex'), fields.expiresAt, fields.lastUsedAt ?? new Date()],
  );
  return (result.rows[0] as { id: string }).id;
}

/** The instant a calendar day starts in an IANA time zone, computed without PostgreSQL. */
export function startOfDayIn(timeZone: string, instant: Date): Date {
  const parts = (date: Date) => {
    const found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(date);
    const get = (type: string) => Number(found.find((part) => part.type === type)?.value);
    return {
      year: get('year'),
      month: get('month'),
      day: get('day'),
      hour: get('hour'),
      minute: get('minute'),
      second: get('second'),
    };
  };
  const offsetAt = (date: Date) => {
    const p = parts(date);
    return (
      Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) -
      Math.floor(date.getTime() / 1000) * 1000
    );
  };
  const local = parts(instant);
  const midnightAsUtc = Date.UTC(local.year, local.month - 1, local.day);
  // Two rounds settle the offset for zones whose offset differs between the guess and the answer.
  let guess = midnightAsUtc - offsetAt(instant);
  guess = midnightAsUtc - offsetAt(new Date(guess));
  return new Date(guess);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export const dateIn = (timeZone: string, instant: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
