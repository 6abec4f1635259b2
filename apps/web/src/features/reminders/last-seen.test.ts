import { describe, expect, it } from 'vitest';
import {
  arrivals,
  badgeText,
  lastSeenKey,
  newestSentAt,
  readLastSeen,
  taskUrl,
  unseenReminders,
  writeLastSeen,
} from './last-seen';

const reminder = (id: string, sentAt: string) => ({ id, sentAt: new Date(sentAt) });

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

describe('the bell’s unseen count', () => {
  const list = [
    reminder('c', '2026-11-29T10:02:00Z'),
    reminder('b', '2026-11-29T10:01:00Z'),
    reminder('a', '2026-11-29T10:00:00Z'),
  ];

  it('counts what was sent after the last one seen', () => {
    expect(unseenReminders(list, 0).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(unseenReminders(list, Date.parse('2026-11-29T10:01:00Z')).map((r) => r.id)).toEqual(['c']);
    expect(newestSentAt(list, 0)).toBe(Date.parse('2026-11-29T10:02:00Z'));
    expect(newestSentAt([], 5)).toBe(5);
  });

  it('keeps the last seen time per person', () => {
    const storage = memoryStorage();
    expect(readLastSeen(storage, 'u1')).toBe(0);
    writeLastSeen(storage, 'u1', 1234);
    expect(readLastSeen(storage, 'u1')).toBe(1234);
    expect(readLastSeen(storage, 'u2')).toBe(0);
    expect(lastSeenKey('u1')).not.toBe(lastSeenKey('u2'));
    storage.setItem(lastSeenKey('u2'), 'nonsense');
    expect(readLastSeen(storage, 'u2')).toBe(0);
  });

  it('caps the badge', () => {
    expect(badgeText(3)).toBe('3');
    expect(badgeText(12)).toBe('9+');
  });
});

describe('arrivals', () => {
  const first = [reminder('a', '2026-11-29T10:00:00Z')];

  it('announces nothing from the first fetch: those came before the tab opened', () => {
    expect(arrivals(first, null, 0)).toEqual([]);
  });

  it('announces reminders new since the previous fetch and not yet seen', () => {
    const next = [reminder('b', '2026-11-29T10:05:00Z'), ...first];
    expect(arrivals(next, new Set(['a']), 0).map((r) => r.id)).toEqual(['b']);
    expect(arrivals(next, new Set(['a', 'b']), 0)).toEqual([]);
    // Seen in another tab already.
    expect(arrivals(next, new Set(['a']), Date.parse('2026-11-29T10:05:00Z'))).toEqual([]);
  });

  it('opens the task’s panel', () => {
    expect(taskUrl('7b1e')).toBe('/?task=7b1e');
  });
});
