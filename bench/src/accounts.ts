import { SCALE } from '../../packages/db/test-scale/generate.js';
import { sql } from './datasets.js';

/** A generated user the bench signs in as, with the access token it got. */
export interface BenchUser {
  id: string;
  email: string;
  token: string;
  /** A few of the user's tasks, for the update workload. */
  taskIds: string[];
}

export interface SignedIn {
  typical: BenchUser[];
  heavy: BenchUser;
  /** When the tokens were issued: they last 15 minutes. */
  at: number;
}

const PASSWORD = 'bench-calm-otter-lamp-42';
const TOKEN_MAX_AGE_MS = 12 * 60 * 1000;

interface TrpcAnswer<T> {
  result?: { data: { json: T } };
  error?: unknown;
}

async function mutate<T>(baseUrl: string, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/api/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ json: input }),
  });
  const answer = (await response.json()) as TrpcAnswer<T>;
  if (!answer.result) throw new Error(`${procedure} failed: ${JSON.stringify(answer.error)}`);
  return answer.result.data.json;
}

async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    results.push(...(await Promise.all(items.slice(i, i + width).map(work))));
  }
  return results;
}

const PASSWORD_SOURCE = 'bench-password-source@example.com';

/**
 * Gives `count` generated users (and the heavy one) a real password: one account, registered through the
 * API once per dataset (registrations are rate-limited per IP), lends them its Argon2id hash, so every
 * later login is an ordinary one.
 */
export async function preparePasswords(baseUrl: string, databaseUrl: string, count: number): Promise<void> {
  const [existing] = await sql(databaseUrl, 'select 1 from users where email = $1', [PASSWORD_SOURCE]);
  if (!existing)
    await mutate(baseUrl, 'auth.register', { email: PASSWORD_SOURCE, name: 'Bench', password: PASSWORD });
  const emails = [
    ...Array.from({ length: count }, (_, i) => `scale-${i + 1}@example.com`),
    'heavy@example.com',
  ];
  await sql(
    databaseUrl,
    `update users set password_hash = (select password_hash from users where email = $1) where email = any($2)`,
    [PASSWORD_SOURCE, emails],
  );
}

async function taskIdsByUser(databaseUrl: string, userIds: string[]): Promise<Map<string, string[]>> {
  const rows = await sql<{ user_id: string; ids: string[] }>(
    databaseUrl,
    `select user_id, (array_agg(id order by id))[1:5] as ids from tasks where user_id = any($1) group by user_id`,
    [userIds],
  );
  return new Map(rows.map((row) => [row.user_id, row.ids]));
}

/** Logs in the first `count` generated users and the heavy one over the API (the slow part: Argon2id). */
export async function signIn(baseUrl: string, databaseUrl: string, count: number): Promise<SignedIn> {
  const people = [
    ...Array.from({ length: count }, (_, i) => ({
      id: SCALE.userId(i + 1),
      email: `scale-${i + 1}@example.com`,
    })),
    { id: SCALE.heavyUserId, email: 'heavy@example.com' },
  ];
  const at = Date.now();
  const tokens = await inBatches(people, 4, (person) =>
    mutate<{ accessToken: string }>(baseUrl, 'auth.login', { email: person.email, password: PASSWORD }),
  );
  const tasks = await taskIdsByUser(
    databaseUrl,
    people.map((person) => person.id),
  );
  const users = people.map((person, i) => ({
    ...person,
    token: tokens[i]?.accessToken ?? '',
    taskIds: tasks.get(person.id) ?? [],
  }));
  const heavy = users.pop() as BenchUser;
  return { typical: users.filter((user) => user.taskIds.length > 0), heavy, at };
}

/** Signs everyone in again when the tokens are close to expiring. */
export async function fresh(signedIn: SignedIn, baseUrl: string, databaseUrl: string): Promise<SignedIn> {
  if (Date.now() - signedIn.at < TOKEN_MAX_AGE_MS) return signedIn;
  // Positions walked with the old tokens stay valid: cursors do not depend on the session.
  return signIn(baseUrl, databaseUrl, signedIn.typical.length);
}
