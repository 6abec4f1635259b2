import pg from 'pg';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIGEST_GRACE_MS, dailyDigestQueries } from '../../src/queries/daily-digests.js';
import { insertUser } from './arrange.js';
import { useOwnerAndOther } from './owner-and-other.js';

// Issue 15's daily digest claims: at the user's local time (across DST changes and half-hour zones),
// once per user and local day, whoever asks and however often.

const db = useOwnerAndOther();
let digests: ReturnType<typeof dailyDigestQueries>;

beforeAll(() => {
  digests = dailyDigestQueries(db.pool);
});

// claimDue looks at every user: each test starts with nobody else wanting a digest.
beforeEach(async () => {
  await db.pool.query('update user_settings set daily_digest_at = null');
});

const MINUTE_MS = 60_000;
const plus = (instant: string | Date, minutes: number) =>
  new Date(new Date(instant).getTime() + minutes * MINUTE_MS);

async function wantsDigest(
  userId: string,
  timeZone: string,
  digestAt: string,
  account: { verified?: boolean; active?: boolean } = {},
): Promise<void> {
  await db.pool.query('update users set is_verified = $2, is_active = $3 where id = $1', [
    userId,
    account.verified ?? true,
    account.active ?? true,
  ]);
  await db.pool.query(
    `insert into user_settings (user_id, time_zone, daily_digest_at) values ($1, $2, $3)
     on conflict (user_id) do update set time_zone = excluded.time_zone, daily_digest_at = excluded.daily_digest_at`,
    [userId, timeZone, digestAt],
  );
}

/** The days claimed for `userId` at `now`. */
const claimedDays = async (userId: string, now: Date, queries = digests) =>
  (await queries.claimDue(now, 100))
    .filter((digest) => digest.userId === userId)
    .map((digest) => digest.localDate);

describe('when a digest is due', () => {
  it.each([
    // Berlin: CET (UTC+1) until 29 March 2026 02:00, CEST (UTC+2) until 25 October 2026 03:00.
    ['Europe/Berlin', '08:00', '2026-03-28', '2026-03-28T07:00:00Z'],
    ['Europe/Berlin', '08:00', '2026-03-29', '2026-03-29T06:00:00Z'],
    ['Europe/Berlin', '08:00', '2026-10-24', '2026-10-24T06:00:00Z'],
    ['Europe/Berlin', '08:00', '2026-10-25', '2026-10-25T07:00:00Z'],
    ['Europe/Berlin', '02:30', '2026-03-28', '2026-03-28T01:30:00Z'],
    // 02:30 does not exist that night: read an hour later (03:30 CEST).
    ['Europe/Berlin', '02:30', '2026-03-29', '2026-03-29T01:30:00Z'],
    ['Europe/Berlin', '02:30', '2026-03-30', '2026-03-30T00:30:00Z'],
    // 02:30 happens twice that night: the first (CEST) one.
    ['Europe/Berlin', '02:30', '2026-10-25', '2026-10-25T00:30:00Z'],
    ['Europe/Berlin', '02:30', '2026-10-26', '2026-10-26T01:30:00Z'],
    // New York: EST (UTC-5) until 8 March 2026 02:00, EDT (UTC-4) until 1 November 2026 02:00.
    ['America/New_York', '08:00', '2026-03-07', '2026-03-07T13:00:00Z'],
    ['America/New_York', '08:00', '2026-03-08', '2026-03-08T12:00:00Z'],
    ['America/New_York', '08:00', '2026-10-31', '2026-10-31T12:00:00Z'],
    ['America/New_York', '08:00', '2026-11-01', '2026-11-01T13:00:00Z'],
    ['America/New_York', '02:30', '2026-03-07', '2026-03-07T07:30:00Z'],
    ['America/New_York', '02:30', '2026-03-08', '2026-03-08T07:30:00Z'],
    ['America/New_York', '02:30', '2026-03-09', '2026-03-09T06:30:00Z'],
    ['America/New_York', '02:30', '2026-11-01', '2026-11-01T07:30:00Z'],
    // New York repeats 01:00–02:00 on 1 November: the first (EDT) 01:30.
    ['America/New_York', '01:30', '2026-11-01', '2026-11-01T05:30:00Z'],
    ['America/New_York', '01:30', '2026-11-02', '2026-11-02T06:30:00Z'],
    // Half-hour zones; Adelaide's day starts before UTC's, and its DST ends on 5 April 2026.
    ['Asia/Kolkata', '08:00', '2026-03-29', '2026-03-29T02:30:00Z'],
    ['Australia/Adelaide', '08:00', '2026-04-04', '2026-04-03T21:30:00Z'],
    ['Australia/Adelaide', '08:00', '2026-04-05', '2026-04-04T22:30:00Z'],
    ['Australia/Adelaide', '00:15', '2026-04-05', '2026-04-04T13:45:00Z'],
  ])('%s at %s on %s: at %s, not a minute before, and once', async (zone, digestAt, day, sendAt) => {
    await wantsDigest(db.owner, zone, digestAt);
    expect(await claimedDays(db.owner, plus(sendAt, -1))).toEqual([]);
    expect(await claimedDays(db.owner, new Date(sendAt))).toEqual([day]);
    expect(await claimedDays(db.owner, new Date(sendAt))).toEqual([]);
    expect(await claimedDays(db.owner, plus(sendAt, 90))).toEqual([]);
  });

  it('claims each local day once on a clock walking across both changes of the autumn', async () => {
    const users = {
      berlinMorning: db.owner,
      berlinNight: db.other,
      newYorkNight: await insertUser(db.pool),
      adelaide: await insertUser(db.pool),
    };
    await wantsDigest(users.berlinMorning, 'Europe/Berlin', '08:00');
    await wantsDigest(users.berlinNight, 'Europe/Berlin', '02:30');
    await wantsDigest(users.newYorkNight, 'America/New_York', '01:30');
    await wantsDigest(users.adelaide, 'Australia/Adelaide', '08:00');
    const claims: { user: string; day: string; at: string }[] = [];
    const nameOf = new Map(Object.entries(users).map(([name, id]) => [id, name]));
    // Every 15 minutes from Saturday 24 October to Monday 2 November 2026 (UTC).
    for (
      let now = new Date('2026-10-24T00:00:00Z');
      now < new Date('2026-11-02T12:00:00Z');
      now = plus(now, 15)
    ) {
      for (const digest of await digests.claimDue(now, 100)) {
        claims.push({
          user: nameOf.get(digest.userId) ?? digest.userId,
          day: digest.localDate,
          at: now.toISOString(),
        });
      }
    }
    const of = (user: string) => claims.filter((claim) => claim.user === user);
    expect(of('berlinNight').slice(0, 3)).toEqual([
      { user: 'berlinNight', day: '2026-10-24', at: '2026-10-24T00:30:00.000Z' },
      { user: 'berlinNight', day: '2026-10-25', at: '2026-10-25T00:30:00.000Z' },
      { user: 'berlinNight', day: '2026-10-26', at: '2026-10-26T01:30:00.000Z' },
    ]);
    expect(of('newYorkNight').find((claim) => claim.day === '2026-11-01')?.at).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    expect(of('newYorkNight').find((claim) => claim.day === '2026-11-02')?.at).toBe(
      '2026-11-02T06:30:00.000Z',
    );
    expect(of('berlinMorning').find((claim) => claim.day === '2026-10-25')?.at).toBe(
      '2026-10-25T07:00:00.000Z',
    );
    // Adelaide's clocks went forward on 4 October: nothing moves for it here.
    expect(of('adelaide').find((claim) => claim.day === '2026-10-30')?.at).toBe('2026-10-29T21:30:00.000Z');
    for (const user of Object.keys(users)) {
      const days = of(user).map((claim) => claim.day);
      expect(days, user).toEqual([...new Set(days)]);
    }
    // 24 October to 1 November, and 2 November too for the zones that reach it before 12:00 UTC.
    expect(of('berlinMorning')).toHaveLength(10);
    expect(of('berlinNight')).toHaveLength(10);
    expect(of('newYorkNight')).toHaveLength(10);
    expect(of('adelaide').map((claim) => claim.day)).toEqual([
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ]);
  });

  it('still sends a digest found late within the grace window, and skips the day after it', async () => {
    await wantsDigest(db.owner, 'Europe/Berlin', '08:00');
    await wantsDigest(db.other, 'Europe/Berlin', '08:00');
    const sendAt = '2026-01-10T07:00:00Z';
    const graceMinutes = DIGEST_GRACE_MS / MINUTE_MS;
    expect(await claimedDays(db.owner, plus(sendAt, graceMinutes - 1))).toEqual(['2026-01-10']);
    expect(await claimedDays(db.other, plus(sendAt, graceMinutes))).toEqual([]);
    expect(await claimedDays(db.other, new Date('2026-01-11T07:00:00Z'))).toEqual(['2026-01-11']);
  });

  it('claims a digest time late in the evening after midnight UTC for the right local day', async () => {
    // 23:30 in New York is 04:30 UTC the next day; found at 05:00 UTC, it is still the 10th's digest.
    await wantsDigest(db.owner, 'America/New_York', '23:30');
    const [late] = await digests.claimDue(new Date('2026-01-11T05:00:00Z'), 100);
    expect(late).toMatchObject({
      userId: db.owner,
      localDate: '2026-01-10',
      sendAt: new Date('2026-01-11T04:30:00Z'),
    });
    expect(await claimedDays(db.owner, new Date('2026-01-11T23:00:00Z'))).toEqual([]);
  });

  it('leaves out unverified and deactivated accounts and those without a digest time', async () => {
    const unverified = await insertUser(db.pool);
    const inactive = await insertUser(db.pool);
    await wantsDigest(db.owner, 'UTC', '07:00');
    await wantsDigest(unverified, 'UTC', '07:00', { verified: false });
    await wantsDigest(inactive, 'UTC', '07:00', { active: false });
    await db.pool.query(`insert into user_settings (user_id, time_zone) values ($1, 'UTC')`, [db.other]);
    await db.pool.query('update users set is_verified = true where id = $1', [db.other]);
    const claimed = await digests.claimDue(new Date('2026-02-02T07:00:00Z'), 100);
    expect(claimed).toEqual([
      {
        userId: db.owner,
        email: expect.any(String),
        timeZone: 'UTC',
        localDate: '2026-02-02',
        sendAt: new Date('2026-02-02T07:00:00Z'),
      },
    ]);
  });

  it('takes at most the limit, leaving the rest for the next claim', async () => {
    const users = [db.owner, db.other, await insertUser(db.pool)];
    for (const user of users) await wantsDigest(user, 'UTC', '07:00');
    const now = new Date('2026-02-03T07:00:00Z');
    const first = await digests.claimDue(now, 2);
    const second = await digests.claimDue(now, 2);
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect(new Set([...first, ...second].map((digest) => digest.userId))).toEqual(new Set(users));
  });
});

describe('claiming from two connections at once', () => {
  it('gives each user’s day to one of them', async () => {
    const users = [db.owner, db.other];
    for (let i = 0; i < 28; i++) users.push(await insertUser(db.pool));
    for (const user of users) await wantsDigest(user, 'Europe/Berlin', '08:00');
    const now = new Date('2026-03-29T06:00:00Z');
    const first = new pg.Client({ connectionString: db.databaseUrl });
    const second = new pg.Client({ connectionString: db.databaseUrl });
    await Promise.all([first.connect(), second.connect()]);
    try {
      // One claims inside an open transaction; the other, at the same time, waits for it and takes none of its rows.
      await first.query('begin');
      const byFirst = await dailyDigestQueries(first).claimDue(now, 100);
      const bySecondPending = dailyDigestQueries(second).claimDue(now, 100);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await first.query('commit');
      const bySecond = await bySecondPending;
      expect(byFirst).toHaveLength(users.length);
      expect(bySecond).toEqual([]);

      // Racing for real on the next day: every user's day is claimed exactly once.
      const next = new Date('2026-03-30T06:00:00Z');
      const racing = await Promise.all([
        dailyDigestQueries(first).claimDue(next, 7),
        dailyDigestQueries(second).claimDue(next, 7),
        dailyDigestQueries(db.pool).claimDue(next, 100),
        dailyDigestQueries(first).claimDue(next, 100),
        dailyDigestQueries(second).claimDue(next, 100),
      ]);
      const claimed = racing.flat().map((digest) => `${digest.userId} ${digest.localDate}`);
      expect(claimed).toHaveLength(new Set(claimed).size);
      expect(new Set(claimed)).toEqual(new Set(users.map((user) => `${user} 2026-03-30`)));
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });
});

describe('settling and pruning digests', () => {
  const stored = async (userId: string) =>
    (
      await db.pool.query(
        `select to_char(local_date, 'YYYY-MM-DD') as day, status, sent_at, last_error from daily_digests
         where user_id = $1 order by local_date`,
        [userId],
      )
    ).rows;

  it('marks a claimed digest sent or failed once, and prunes old ones', async () => {
    // prune looks at every user's digests.
    await db.pool.query('delete from daily_digests');
    await wantsDigest(db.owner, 'UTC', '07:00');
    const sent = new Date('2026-02-04T07:00:05Z');
    await digests.claimDue(new Date('2026-02-04T07:00:00Z'), 100);
    await digests.markSent(db.owner, '2026-02-04', sent);
    await digests.markFailed(db.owner, '2026-02-04', 'too late to fail');
    await digests.claimDue(new Date('2026-02-05T07:00:00Z'), 100);
    await digests.markFailed(db.owner, '2026-02-05', `SMTP said 451 ${'x'.repeat(600)}`);
    const rows = await stored(db.owner);
    expect(rows).toMatchObject([
      { day: '2026-02-04', status: 'sent', sent_at: sent, last_error: null },
      { day: '2026-02-05', status: 'failed', sent_at: null },
    ]);
    expect(rows[1]?.last_error).toHaveLength(500);
    expect(await digests.prune(new Date('2026-02-05T00:00:00Z'))).toBe(1);
    expect((await stored(db.owner)).map((row) => row.day)).toEqual(['2026-02-05']);
  });
});
