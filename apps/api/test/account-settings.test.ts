import { type MikroORM, openOrm } from '@taskapp/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, newBrowser, rawPost, signUp, trpcError, uniqueEmail } from './helpers/accounts.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer;
let orm: MikroORM;

beforeAll(async () => {
  server = await startTestServer({ TRUST_PROXY: 'true' });
  orm = await openOrm({ ...server.database.settings, poolMax: 2 });
});
afterAll(async () => {
  await orm?.close();
  await server?.stop();
});

const DEFAULTS = {
  timeZone: 'UTC',
  weekStart: 1,
  emailReminders: true,
  pushReminders: true,
  dailyDigestAt: null,
};

// Intl (Node's ICU) accepts this name; PostgreSQL's tzdata does not (security finding 9).
const INTL_ONLY_ZONE = 'US/Pacific-New';

async function settingsRows(userId: string): Promise<number> {
  const [row] = await orm.em
    .getConnection()
    .execute<{ n: number }[]>('select count(*)::int as n from user_settings where user_id = ?', [userId]);
  return row?.n ?? -1;
}

describe('account.settings and account.updateSettings', () => {
  it('answer the defaults until saved, then any subset, keeping what was left out', async () => {
    const { browser } = await signUp(server);
    expect(await browser.api.account.settings.query()).toEqual(DEFAULTS);

    const saved = await browser.api.account.updateSettings.mutate({
      timeZone: 'Europe/Berlin',
      weekStart: 0,
    });
    expect(saved).toEqual({ ...DEFAULTS, timeZone: 'Europe/Berlin', weekStart: 0 });
    const next = await browser.api.account.updateSettings.mutate({
      emailReminders: false,
      dailyDigestAt: '07:30',
    });
    expect(next).toEqual({
      ...DEFAULTS,
      timeZone: 'Europe/Berlin',
      weekStart: 0,
      emailReminders: false,
      dailyDigestAt: '07:30',
    });
    expect(await browser.api.account.settings.query()).toEqual(next);
    const cleared = await browser.api.account.updateSettings.mutate({ dailyDigestAt: null, weekStart: 6 });
    expect(cleared).toMatchObject({ dailyDigestAt: null, weekStart: 6, emailReminders: false });
  });

  it('store a zone in PostgreSQL’s spelling, whatever its case', async () => {
    const { browser } = await signUp(server);
    expect(await browser.api.account.updateSettings.mutate({ timeZone: 'america/new_york' })).toMatchObject({
      timeZone: 'America/New_York',
    });
  });

  it('are one person’s own: another account still has the defaults', async () => {
    const owner = await signUp(server);
    const other = await signUp(server);
    await owner.browser.api.account.updateSettings.mutate({ timeZone: 'Asia/Tokyo', pushReminders: false });
    expect(await other.browser.api.account.settings.query()).toEqual(DEFAULTS);
  });

  it.each([
    [{ timeZone: INTL_ONLY_ZONE }, 'timeZone'],
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    [{ timeZone: '+01:00' }, 'timeZone'],
    [{ weekStart: 3 }, 'weekStart'],
    [{ dailyDigestAt: '24:00' }, 'dailyDigestAt'],
    [{ dailyDigestAt: '7:30' }, 'dailyDigestAt'],
    [{ emailReminders: 'yes' }, 'emailReminders'],
    [{ theme: 'dark' }, ''],
  ])('refuse %o with BAD_REQUEST and save nothing', async (input, field) => {
    const { browser, userId } = await signUp(server);
    const error = await trpcError(browser.api.account.updateSettings.mutate(input as never));
    expect(error.data?.code).toBe('BAD_REQUEST');
    expect(error.data?.httpStatus).toBe(400);
    if (field === 'timeZone') expect(error.message).toContain('IANA time zone');
    expect(await settingsRows(userId)).toBe(0);
  });

  it('need a signed-in caller', async () => {
    const anonymous = newBrowser(server);
    expect((await trpcError(anonymous.api.account.settings.query())).data?.code).toBe('UNAUTHORIZED');
  });

  it('go with the account when it is deleted', async () => {
    const { browser, userId, password } = await signUp(server);
    await browser.api.account.updateSettings.mutate({ weekStart: 0 });
    expect(await settingsRows(userId)).toBe(1);
    await browser.api.account.delete.mutate({ password });
    expect(await settingsRows(userId)).toBe(0);
  });
});

describe('auth.register with the browser’s time zone', () => {
  it('stores it as the settings time zone; without one the zone is UTC', async () => {
    const browser = newBrowser(server);
    const result = await browser.api.auth.register.mutate({
      email: uniqueEmail('tz'),
      name: 'Ada',
      password: GOOD_PASSWORD,
      timeZone: 'Pacific/Auckland',
    });
    browser.accessToken = result.accessToken;
    expect(await browser.api.account.settings.query()).toEqual({ ...DEFAULTS, timeZone: 'Pacific/Auckland' });

    const plain = await signUp(server);
    expect(await plain.browser.api.account.settings.query()).toEqual(DEFAULTS);
  });

  it.each([INTL_ONLY_ZONE, 'Not/AZone'])(
    'refuses %s with BAD_REQUEST and creates no account',
    async (timeZone) => {
      const email = uniqueEmail('tz-bad');
      const error = await trpcError(
        newBrowser(server).api.auth.register.mutate({
          email,
          name: 'Ada',
          password: GOOD_PASSWORD,
          timeZone,
        }),
      );
      expect(error.data?.code).toBe('BAD_REQUEST');
      expect(error.message).toContain('IANA time zone');
      const [row] = await orm.em
        .getConnection()
        .execute<{ n: number }[]>('select count(*)::int as n from users where email = ?', [email]);
      expect(row?.n).toBe(0);
    },
  );
});

describe('time zones PostgreSQL does not know', () => {
  it(`task.stats with ${INTL_ONLY_ZONE} is a 400 with a clear message, not a 500`, async () => {
    const { accessToken } = await signUp(server);
    const input = encodeURIComponent(JSON.stringify({ json: { timeZone: INTL_ONLY_ZONE } }));
    const response = await fetch(`${server.url}/api/trpc/task.stats?input=${input}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Not a known IANA time zone');
  });

  it('task.stats without a zone reads today in the settings zone', async () => {
    const { browser } = await signUp(server);
    await browser.api.account.updateSettings.mutate({ timeZone: 'Pacific/Kiritimati' });
    const stats = await browser.api.task.stats.query();
    expect(stats.byStatus).toEqual({ pending: 0, in_progress: 0, completed: 0 });
  });
});

describe('account.exportData', () => {
  it('includes the settings and each task’s allDay', async () => {
    const { browser } = await signUp(server);
    await browser.api.account.updateSettings.mutate({ timeZone: 'Europe/Lisbon', dailyDigestAt: '08:00' });
    const allDay = await browser.api.task.create.mutate({
      title: 'Call mum about the weekend',
      dueDate: new Date('2026-06-15T00:00:00.000Z'),
      allDay: true,
    });
    const timed = await browser.api.task.create.mutate({
      title: 'Dentist',
      dueDate: new Date('2026-06-15T08:30:00.000Z'),
    });
    const exported = await browser.api.account.exportData.query();
    expect(exported.settings).toEqual({ ...DEFAULTS, timeZone: 'Europe/Lisbon', dailyDigestAt: '08:00' });
    const byId = new Map(exported.tasks.map((task) => [task.id, task]));
    expect(byId.get(allDay.id)).toMatchObject({
      allDay: true,
      dueDate: new Date('2026-06-15T00:00:00.000Z'),
    });
    expect(byId.get(timed.id)).toMatchObject({ allDay: false });
  });
});

describe('task.update with superjson undefined values (security finding 8)', () => {
  it.each(['status', 'title', 'priority', 'description', 'dueDate', 'allDay'])(
    'an undefined %s means "not changed", never a 500',
    async (field) => {
      const { browser, accessToken } = await signUp(server);
      const task = await browser.api.task.create.mutate({
        title: 'Keep me',
        description: 'Notes',
        priority: 'high',
        dueDate: new Date('2026-06-15T00:00:00.000Z'),
        allDay: true,
      });
      const body = JSON.stringify({
        json: { id: task.id, [field]: null },
        meta: { values: { [field]: ['undefined'] } },
      });
      const response = await rawPost(server, 'task.update', body, {
        'content-type': 'application/json',
        authorization: `Bearer ${accessToken}`,
      });
      expect(response.status).toBe(200);
      const after = await browser.api.task.byId.query({ id: task.id });
      expect(after).toMatchObject({
        title: 'Keep me',
        description: 'Notes',
        status: 'pending',
        priority: 'high',
        dueDate: task.dueDate,
        allDay: true,
      });
    },
  );
});
