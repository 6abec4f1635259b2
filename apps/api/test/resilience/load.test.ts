import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, uniqueEmail, uniqueIp } from '../helpers/accounts.js';
import { forEachConcurrently, type RecordingClient, recordingClient } from '../helpers/load.js';
import { type ServerProcessFixture, startServerProcessFixture } from '../helpers/server-process-fixture.js';

const USERS = 50;
const TASKS_PER_USER = 100;
const IN_FLIGHT_PER_USER = 4;
const LIST_EVERY = 10;

interface LoadUser {
  client: RecordingClient;
  userId: string;
  marker: string;
  created: number;
  foreignRowsSeen: number;
}

// The server runs as its own process (as in production): the 50 clients here do not share its event loop.
// Each user registers from an IP of their own: registrations are rate-limited per IP.
let server: ServerProcessFixture;
beforeAll(async () => {
  server = await startServerProcessFixture();
});
afterAll(() => server?.stop());

async function registerUser(index: number): Promise<LoadUser> {
  const client = recordingClient(server.url, uniqueIp());
  const { user, accessToken } = await client.api.auth.register.mutate({
    email: uniqueEmail('load'),
    name: `Load ${index}`,
    password: GOOD_PASSWORD,
  });
  client.accessToken = accessToken;
  const marker = `load-${index}-${randomBytes(4).toString('hex')}`;
  return { client, userId: user.id, marker, created: 0, foreignRowsSeen: 0 };
}

async function countForeign(user: LoadUser): Promise<void> {
  const page = await user.client.api.task.list.query({ limit: 100 });
  user.foreignRowsSeen += page.items.filter((task) => !task.title.startsWith(`${user.marker} `)).length;
}

async function createAndList(user: LoadUser): Promise<void> {
  const numbers = Array.from({ length: TASKS_PER_USER }, (_, i) => i);
  await forEachConcurrently(numbers, IN_FLIGHT_PER_USER, async (n) => {
    try {
      await user.client.api.task.create.mutate({ title: `${user.marker} #${n}` });
      user.created += 1;
    } catch {
      // The recorded statuses say why; the checks below compare the stored rows with the successes.
    }
    if (n % LIST_EVERY === 0) await countForeign(user).catch(() => undefined);
  });
}

/** Every page of the user's list, following the cursor. */
async function listAll(user: LoadUser): Promise<string[]> {
  const titles: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await user.client.api.task.list.query({ limit: 100, cursor });
    titles.push(...page.items.map((task) => task.title));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return titles;
}

describe('load: 50 users each create 100 tasks and list them concurrently', () => {
  it('answers without a 5xx, stores exactly the acknowledged rows and shows nobody a foreign row', {
    timeout: 120_000,
  }, async () => {
    const users: LoadUser[] = [];
    await forEachConcurrently(
      Array.from({ length: USERS }, (_, i) => i),
      8,
      async (i) => {
        users.push(await registerUser(i));
      },
    );
    expect(users).toHaveLength(USERS);

    const startedAt = Date.now();
    await Promise.all(users.map(createAndList));
    const seconds = (Date.now() - startedAt) / 1000;

    const statuses = users.flatMap((user) => user.client.statuses);
    const serverErrors = statuses.filter((status) => status >= 500);
    expect(serverErrors, `${serverErrors.length} of ${statuses.length} responses were 5xx`).toEqual([]);
    // Nothing here is refused on purpose (no limit applies to task calls), so every call is a 200.
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(statuses.length).toBeGreaterThanOrEqual(USERS * (TASKS_PER_USER + TASKS_PER_USER / LIST_EVERY));
    expect(users.map((user) => user.created)).toEqual(users.map(() => TASKS_PER_USER));
    expect(users.reduce((sum, user) => sum + user.foreignRowsSeen, 0)).toBe(0);

    for (const user of users) {
      const [row] = await server.sql.query<{ count: string }>(
        'SELECT count(*) AS count FROM tasks WHERE user_id = ?',
        [user.userId],
      );
      expect(Number(row?.count), `rows of ${user.marker}`).toBe(user.created);
      const titles = await listAll(user);
      expect(titles).toHaveLength(user.created);
      expect(titles.filter((title) => !title.startsWith(`${user.marker} `))).toEqual([]);
      expect(new Set(titles).size).toBe(titles.length);
    }
    console.info(`load: ${statuses.length} requests in ${seconds.toFixed(1)} s`);
  });
});
