import { describe, expect, it } from 'vitest';
import { nextAskIn, nextAskTracker, RECENT_REMINDERS_POLL_MS } from './next-ask';

const now = Date.parse('2026-12-01T12:00:00Z');
const inSeconds = (seconds: number) => new Date(now + seconds * 1_000);

describe('nextAskIn', () => {
  it('asks once a minute when nothing is waiting to go out, or the next reminder is further away', () => {
    expect(nextAskIn(null, now)).toBe(RECENT_REMINDERS_POLL_MS);
    expect(nextAskIn(undefined, now)).toBe(RECENT_REMINDERS_POLL_MS);
    expect(nextAskIn(inSeconds(600), now)).toBe(RECENT_REMINDERS_POLL_MS);
  });

  it('asks just after a reminder due within the minute', () => {
    expect(nextAskIn(inSeconds(20), now)).toBe(21_000);
    expect(nextAskIn(inSeconds(0), now)).toBe(1_000);
  });

  it('asks every few seconds while a due reminder has not gone out yet, then back to the minute', () => {
    expect(nextAskIn(inSeconds(-5), now)).toBe(3_000);
    expect(nextAskIn(inSeconds(-29), now)).toBe(3_000);
    expect(nextAskIn(inSeconds(-31), now)).toBe(RECENT_REMINDERS_POLL_MS);
  });

  it('watches a moment already past when heard of from when it was heard', () => {
    // A reminder at the start of this minute, heard of 45 s into it.
    expect(nextAskIn(inSeconds(-45), now, now - 2_000)).toBe(3_000);
    expect(nextAskIn(inSeconds(-45), now, now - 31_000)).toBe(RECENT_REMINDERS_POLL_MS);
  });
});

describe('nextAskTracker', () => {
  it('remembers when each nextAt was first answered', () => {
    const askAgainIn = nextAskTracker();
    const due = inSeconds(-45);
    expect(askAgainIn(due, now, now)).toBe(3_000);
    // Later answers with the same nextAt keep the first one's time: the watch ends 30 s after it.
    expect(askAgainIn(due, now + 20_000, now + 20_000)).toBe(3_000);
    expect(askAgainIn(due, now + 31_000, now + 31_000)).toBe(RECENT_REMINDERS_POLL_MS);
    // A new due moment starts a new watch.
    expect(askAgainIn(inSeconds(-10), now + 33_000, now + 33_000)).toBe(3_000);
    expect(askAgainIn(null, now + 34_000, now + 34_000)).toBe(RECENT_REMINDERS_POLL_MS);
  });
});
