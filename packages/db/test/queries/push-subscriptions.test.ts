import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type NewPushSubscription,
  PUSH_SUBSCRIPTIONS_PER_USER,
  pushSubscriptionQueries,
} from '../../src/queries/push-subscriptions.js';
import { useOwnerAndOther } from './owner-and-other.js';

// Issue 15's Web Push subscriptions: one row per browser endpoint, at most 20 a user.

const db = useOwnerAndOther();
let subscriptions: ReturnType<typeof pushSubscriptionQueries>;

beforeAll(() => {
  subscriptions = pushSubscriptionQueries(db.pool);
});

const browser = (overrides: Partial<NewPushSubscription> = {}): NewPushSubscription => ({
  endpoint: `https://fcm.googleapis.com/fcm/send/${randomUUID()}`,
  p256dh: randomBytes(65).toString('base64url'),
  auth: randomBytes(16).toString('base64url'),
  hideTitles: false,
  ...overrides,
});

const endpointsOf = async (userId: string) =>
  (await subscriptions.targetsOf([userId])).map((target) => target.endpoint);

describe('push subscriptions', () => {
  it('saves a browser once and updates its keys and choice when it subscribes again', async () => {
    const first = browser();
    await subscriptions.subscribe(db.owner, first);
    const renewed = { ...first, p256dh: 'new-key', auth: 'new-auth', hideTitles: true };
    await subscriptions.subscribe(db.owner, renewed);
    expect(await subscriptions.targetsOf([db.owner])).toEqual([
      {
        id: expect.any(String),
        userId: db.owner,
        endpoint: first.endpoint,
        p256dh: 'new-key',
        auth: 'new-auth',
        hideTitles: true,
      },
    ]);
  });

  it('moves an endpoint to the account that subscribes it last (someone else signed in on that browser)', async () => {
    const shared = browser();
    const ownersOther = browser();
    await subscriptions.subscribe(db.owner, shared);
    await subscriptions.subscribe(db.owner, ownersOther);
    await subscriptions.subscribe(db.other, { ...shared, hideTitles: true });
    expect(await endpointsOf(db.owner)).toEqual([ownersOther.endpoint]);
    expect(await subscriptions.targetsOf([db.other])).toMatchObject([
      { endpoint: shared.endpoint, userId: db.other, hideTitles: true },
    ]);
    const both = await subscriptions.targetsOf([db.owner, db.other]);
    expect(both.map((target) => target.endpoint).sort()).toEqual(
      [shared.endpoint, ownersOther.endpoint].sort(),
    );
    expect(await subscriptions.targetsOf([])).toEqual([]);
  });

  it(`keeps at most ${PUSH_SUBSCRIPTIONS_PER_USER} browsers a user, dropping the oldest`, async () => {
    const saved: string[] = [];
    for (let i = 0; i < PUSH_SUBSCRIPTIONS_PER_USER; i++) {
      const next = browser();
      await subscriptions.subscribe(db.owner, next);
      // Distinct creation times, oldest first.
      await db.pool.query(
        `update push_subscriptions set created_at = now() - make_interval(mins => $2) where endpoint = $1`,
        [next.endpoint, 100 - i],
      );
      saved.push(next.endpoint);
    }
    const others = browser();
    await subscriptions.subscribe(db.other, others);
    // Renewing one of the twenty drops none.
    await subscriptions.subscribe(db.owner, { ...browser(), endpoint: saved[5] as string });
    expect(await endpointsOf(db.owner)).toHaveLength(PUSH_SUBSCRIPTIONS_PER_USER);

    const newest = browser();
    await subscriptions.subscribe(db.owner, newest);
    const kept = await endpointsOf(db.owner);
    expect(kept).toHaveLength(PUSH_SUBSCRIPTIONS_PER_USER);
    expect(kept).not.toContain(saved[0]);
    expect(kept).toContain(saved[1]);
    expect(kept).toContain(saved[5]);
    expect(kept).toContain(newest.endpoint);
    expect(await endpointsOf(db.other)).toEqual([others.endpoint]);
  });

  it('unsubscribes only the caller’s own endpoint', async () => {
    const owners = browser();
    await subscriptions.subscribe(db.owner, owners);
    expect(await subscriptions.unsubscribe(db.other, owners.endpoint)).toBe(false);
    expect(await endpointsOf(db.owner)).toEqual([owners.endpoint]);
    expect(await subscriptions.unsubscribe(db.owner, owners.endpoint)).toBe(true);
    expect(await subscriptions.unsubscribe(db.owner, owners.endpoint)).toBe(false);
    expect(await endpointsOf(db.owner)).toEqual([]);
  });

  it('removes gone subscriptions by id and records deliveries', async () => {
    const gone = browser();
    const alive = browser();
    await subscriptions.subscribe(db.owner, gone);
    await subscriptions.subscribe(db.owner, alive);
    const targets = await subscriptions.targetsOf([db.owner]);
    const idOf = (endpoint: string) => targets.find((target) => target.endpoint === endpoint)?.id as string;
    expect(await subscriptions.remove([idOf(gone.endpoint)])).toBe(1);
    expect(await subscriptions.remove([])).toBe(0);
    const delivered = new Date('2027-01-04T10:00:00Z');
    await subscriptions.markDelivered([idOf(alive.endpoint)], delivered);
    const stored = await db.pool.query(
      'select endpoint, last_success_at from push_subscriptions where user_id = $1',
      [db.owner],
    );
    expect(stored.rows).toEqual([{ endpoint: alive.endpoint, last_success_at: delivered }]);
  });

  it('goes with its user', async () => {
    await subscriptions.subscribe(db.owner, browser());
    await db.pool.query('delete from users where id = $1', [db.owner]);
    expect(await subscriptions.targetsOf([db.owner])).toEqual([]);
  });
});
