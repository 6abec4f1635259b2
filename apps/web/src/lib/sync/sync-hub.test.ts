import type { SyncChange } from '@taskapp/shared';
import { describe, expect, it } from 'vitest';
import type { SyncChannel, SyncMessage } from './sync-channel';
import { type StreamListener, startSyncHub } from './sync-hub';
import type { SyncStatus } from './sync-status';

/** Tabs of one fake browser: a channel that reaches every other tab, one lock, and the streams opened. */
function fakeBrowser() {
  const handlers = new Set<{ owner: object; handler: (message: SyncMessage) => void }>();
  const waiting: { signal: AbortSignal; lead: () => void }[] = [];
  let holder: { signal: AbortSignal } | null = null;
  const streams: { from: string | undefined; listener: StreamListener; closed: boolean }[] = [];

  const grantNext = () => {
    holder = null;
    const next = waiting.shift();
    if (!next) return;
    holder = next;
    next.lead();
  };

  function openTab(
    userId = 'u1',
    saved: Pick<Parameters<typeof startSyncHub>[0], 'savedCursor' | 'catchUp'> = {},
  ) {
    const owner = {};
    const applied: string[] = [];
    const statuses: SyncStatus[] = [];
    const saves: string[] = [];
    const channel: SyncChannel = {
      post(message) {
        for (const entry of handlers) if (entry.owner !== owner) entry.handler(structuredClone(message));
      },
      listen(handler) {
        const entry = { owner, handler };
        handlers.add(entry);
        return () => handlers.delete(entry);
      },
    };
    const stop = startSyncHub({
      userId,
      channel,
      requestLeadership(signal, lead) {
        signal.addEventListener('abort', () => {
          const index = waiting.findIndex((entry) => entry.signal === signal);
          if (index >= 0) waiting.splice(index, 1);
          if (holder?.signal === signal) grantNext();
        });
        waiting.push({ signal, lead });
        if (!holder) grantNext();
      },
      openStream(from, listener) {
        const stream = { from, listener, closed: false };
        streams.push(stream);
        return () => {
          stream.closed = true;
        };
      },
      apply: {
        change: (change) => applied.push(`${change.op} ${change.id}`),
        resync: () => applied.push('resync'),
      },
      setStatus: (status) => statuses.push(status),
      saveCursor: (cursor) => saves.push(cursor),
      ...saved,
    });
    return { applied, statuses, saves, stop, status: () => statuses.at(-1) };
  }

  const openStreams = () => streams.filter((stream) => !stream.closed);
  return { openTab, streams, openStreams };
}

const upsert = (id: string): SyncChange => ({ entity: 'task', op: 'upsert', id, at: new Date(0) });

describe('one stream per browser', () => {
  it('lets only the first tab stream, and every tab apply each change once', () => {
    const browser = fakeBrowser();
    const tabs = [browser.openTab(), browser.openTab(), browser.openTab()];
    expect(browser.openStreams()).toHaveLength(1);
    const [stream] = browser.openStreams();

    stream?.listener.change('1-1', upsert('a'));
    stream?.listener.change('1-2', { ...upsert('b'), op: 'delete' });
    for (const tab of tabs) expect(tab.applied).toEqual(['upsert a', 'delete b']);
  });

  it('shows the leader’s connection state in every tab, also in one opened later', () => {
    const browser = fakeBrowser();
    const leader = browser.openTab();
    const follower = browser.openTab();
    expect(follower.status()).toBe('connecting');
    browser.openStreams()[0]?.listener.status('live');
    expect([leader.status(), follower.status()]).toEqual(['live', 'live']);

    const late = browser.openTab();
    expect(late.status()).toBe('live');
    browser.openStreams()[0]?.listener.status('reconnecting');
    expect(late.status()).toBe('reconnecting');
  });

  it('hands the stream to another tab when the leader closes, resuming after the last change', () => {
    const browser = fakeBrowser();
    const leader = browser.openTab();
    const next = browser.openTab();
    browser.openStreams()[0]?.listener.status('live');
    browser.openStreams()[0]?.listener.change('7-3', upsert('a'));

    leader.stop();
    expect(browser.streams[0]?.closed).toBe(true);
    expect(browser.openStreams()).toHaveLength(1);
    expect(browser.openStreams()[0]?.from).toBe('7-3');

    browser.openStreams()[0]?.listener.change('7-4', upsert('b'));
    expect(next.applied).toEqual(['upsert a', 'upsert b']);
    expect(leader.status()).toBe('off');
  });

  it('gives a newly opened follower the cursor, so it can take over without a gap', () => {
    const browser = fakeBrowser();
    const leader = browser.openTab();
    browser.openStreams()[0]?.listener.change('2-9', upsert('a'));
    browser.openStreams()[0]?.listener.status('live');
    const late = browser.openTab();
    leader.stop();
    expect(browser.openStreams()[0]?.from).toBe('2-9');
    expect(late.applied).toEqual([]);
  });

  it('refetches everything once live when it takes over with no cursor to resume from', () => {
    const browser = fakeBrowser();
    const leader = browser.openTab();
    const next = browser.openTab();
    browser.openStreams()[0]?.listener.status('live');
    leader.stop();
    expect(browser.openStreams()[0]?.from).toBeUndefined();
    expect(next.applied).toEqual([]);
    browser.openStreams()[0]?.listener.status('live');
    expect(next.applied).toEqual(['resync']);
  });

  it('passes a resync on to every tab', () => {
    const browser = fakeBrowser();
    const tabs = [browser.openTab(), browser.openTab()];
    browser.openStreams()[0]?.listener.resync('9-0');
    for (const tab of tabs) expect(tab.applied).toEqual(['resync']);
  });

  it('ignores what tabs signed in as someone else say', () => {
    const browser = fakeBrowser();
    browser.openTab('u1');
    const other = browser.openTab('u2');
    browser.openStreams()[0]?.listener.change('1-1', upsert('a'));
    expect(other.applied).toEqual([]);
  });
});

describe('catching up after time away', () => {
  const page = (changes: SyncChange[], cursor: string, hasMore = false) => ({ changes, cursor, hasMore });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('reads what changed since the saved cursor through sync.changes, then streams on from there', async () => {
    const browser = fakeBrowser();
    const asked: string[] = [];
    const pages = [page([upsert('a')], '5-1', true), page([upsert('b')], '5-2')];
    const tab = browser.openTab('u1', {
      savedCursor: '4-9',
      catchUp: async (after) => {
        asked.push(after);
        const next = pages.shift();
        if (!next) throw new Error('asked too often');
        return next;
      },
    });
    expect(browser.openStreams()).toHaveLength(0);
    await settle();
    expect(asked).toEqual(['4-9', '5-1']);
    expect(tab.applied).toEqual(['upsert a', 'upsert b']);
    expect(tab.saves.at(-1)).toBe('5-2');
    expect(browser.openStreams().map((stream) => stream.from)).toEqual(['5-2']);
  });

  it('refetches everything when the server cannot replay from that far back', async () => {
    const browser = fakeBrowser();
    const tab = browser.openTab('u1', {
      savedCursor: '1-1',
      catchUp: async () => ({ ...page([], '9-9'), resync: true as const }),
    });
    await settle();
    expect(tab.applied).toEqual(['resync']);
    expect(browser.openStreams().map((stream) => stream.from)).toEqual(['9-9']);
  });

  it('offline, streams from the saved cursor once it can', async () => {
    const browser = fakeBrowser();
    browser.openTab('u1', {
      savedCursor: '3-3',
      catchUp: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    await settle();
    expect(browser.openStreams().map((stream) => stream.from)).toEqual(['3-3']);
  });
});
