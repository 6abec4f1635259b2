import { describe, expect, it } from 'vitest';
import { openEvents } from './helpers/event-stream.js';
import {
  currentCursor,
  deviceAt,
  registerAt,
  sameDeviceAt,
  type TwoInstances,
  useTwoInstances,
} from './helpers/sync-instances.js';

/** The promise: a change reaches the other devices within a second, across instances. */
const DELIVERY_MS = 1_000;

describe('sync.events across two API instances behind a round-robin proxy', () => {
  let at: TwoInstances;
  useTwoInstances((started) => {
    at = started;
  });
  /** The instance that did not serve the proxy's last request. */
  const otherThanLastServed = () =>
    at.proxy.served.at(-1) === new URL(at.first.url).origin ? at.second.url : at.first.url;

  it('a stream through the proxy sees a change made on the other instance within a second, and nobody else’s', async () => {
    const { account: alice, device: aliceA } = await registerAt(at.first.url);
    const { device: carol } = await registerAt(at.second.url);
    const carolAtFirst = sameDeviceAt(at.first.url, carol);
    const from = await currentCursor(aliceA);
    const carolFrom = await currentCursor(carol);

    const stream = await openEvents(at.proxyUrl, aliceA.accessToken ?? '', { inputLastEventId: from });
    expect(stream.status).toBe(200);
    const aliceB = await deviceAt(otherThanLastServed(), alice);
    const carolStreams = [
      await openEvents(at.first.url, carol.accessToken ?? '', { inputLastEventId: carolFrom }),
      await openEvents(at.second.url, carol.accessToken ?? '', { inputLastEventId: carolFrom }),
    ];

    const made: string[] = [];
    for (let n = 0; n < 3; n++) {
      const sent = Date.now();
      const task = await aliceB.api.task.create.mutate({ title: `From device B ${n}` });
      made.push(task.id);
      const received = await stream.waitFor(n + 1, DELIVERY_MS);
      expect(received[n]?.data).toMatchObject({ entity: 'task', op: 'upsert', id: task.id });
      expect(Date.now() - sent).toBeLessThan(DELIVERY_MS);
    }

    // Carol's own change is the first and only thing her streams see, on either instance.
    const hers = await carolAtFirst.api.task.create.mutate({ title: 'Carol’s' });
    for (const carolStream of carolStreams) {
      await carolStream.waitFor(1, DELIVERY_MS);
      expect(carolStream.events.map((event) => event.data)).toEqual([
        { entity: 'task', op: 'upsert', id: hers.id, at: expect.any(Date) },
      ]);
      carolStream.close();
    }
    expect(stream.events.map((event) => (event.data as { id: string }).id)).toEqual(made);
    stream.close();
  });

  it.each([
    ['the Last-Event-ID header', 'lastEventId'],
    ['input.lastEventId', 'inputLastEventId'],
  ] as const)(
    'resuming with %s after a dropped connection replays exactly the missed changes, with the same ids',
    async (_, resumeWith) => {
      const { device: aliceA } = await registerAt(at.first.url);
      const aliceOnProxy = sameDeviceAt(at.proxyUrl, aliceA);
      const from = await currentCursor(aliceA);
      const token = aliceA.accessToken ?? '';
      // A stream that never drops, to compare the resumed one with.
      const reference = await openEvents(at.second.url, token, { inputLastEventId: from });

      const first = await openEvents(at.proxyUrl, token, { inputLastEventId: from });
      const before = await aliceOnProxy.api.task.create.mutate({ title: 'Before the drop' });
      await aliceOnProxy.api.task.update.mutate({ id: before.id, title: 'Before the drop, edited' });
      const seen = await first.waitFor(2);
      first.close();
      await first.ended;

      // Missed while away, written through both instances (the proxy alternates).
      const missed = await aliceOnProxy.api.task.create.mutate({ title: 'While away' });
      await aliceOnProxy.api.task.update.mutate({ id: missed.id, status: 'completed' });
      await aliceOnProxy.api.task.delete.mutate({ id: before.id });
      const lastSeen = seen[1]?.id ?? '';
      const resumed = await openEvents(at.proxyUrl, token, { [resumeWith]: lastSeen });
      const replayed = await resumed.waitFor(3);
      // And it goes on live after the replay.
      const after = await aliceOnProxy.api.task.create.mutate({ title: 'After the return' });
      await resumed.waitFor(4);

      const all = await reference.waitFor(6);
      expect(seen).toEqual(all.slice(0, 2));
      expect(replayed).toEqual(all.slice(2, 5));
      expect(resumed.events).toEqual(all.slice(2, 6));
      expect(replayed.map((event) => event.data)).toEqual([
        { entity: 'task', op: 'upsert', id: missed.id, at: expect.any(Date) },
        { entity: 'task', op: 'upsert', id: missed.id, at: expect.any(Date) },
        { entity: 'task', op: 'delete', id: before.id, at: expect.any(Date) },
      ]);
      expect(all[5]?.data).toMatchObject({ op: 'upsert', id: after.id });
      // Nothing more: a duplicate would trail the last change.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(resumed.events).toHaveLength(4);
      expect(reference.events).toHaveLength(6);
      resumed.close();
      reference.close();
    },
  );
});
