import { describe, expect, it } from 'vitest';
import { scheduleChoices } from './schedule-days';

describe('schedule choices', () => {
  it('are today, tomorrow and next Monday in the zone, as all-day dates', () => {
    // Sunday 2026-11-29 23:30 UTC is already Monday the 30th in Tokyo.
    const now = new Date('2026-11-29T23:30:00Z');
    const days = (zone: string) =>
      scheduleChoices(now, zone).map((choice) => choice.day.toISOString().slice(0, 10));
    expect(days('UTC')).toEqual(['2026-11-29', '2026-11-30', '2026-11-30']);
    expect(days('Asia/Tokyo')).toEqual(['2026-11-30', '2026-12-01', '2026-12-07']);
  });
});
