import { describe, expect, it } from 'vitest';
import { nextAskIn, RECENT_REMINDERS_POLL_MS } from './next-ask';

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
});
