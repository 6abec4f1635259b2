import { describe, expect, it } from 'vitest';
import { dayAndTimeIn, instantIn } from './zoned-time';

describe('zoned day and time', () => {
  it('reads an instant as the day and time of the zone', () => {
    const instant = new Date('2026-12-04T02:30:00.000Z');
    expect(dayAndTimeIn(instant, 'America/New_York')).toEqual({ day: '2026-12-03', time: '21:30' });
    expect(dayAndTimeIn(instant, 'Europe/Berlin')).toEqual({ day: '2026-12-04', time: '03:30' });
  });

  it('turns a day and time of the zone back into the same instant', () => {
    expect(instantIn('2026-12-03', '21:30', 'America/New_York')).toEqual(
      new Date('2026-12-04T02:30:00.000Z'),
    );
    expect(instantIn('2026-12-04', '03:30', 'Europe/Berlin')).toEqual(new Date('2026-12-04T02:30:00.000Z'));
    expect(instantIn('2026-07-01', '00:00', 'UTC')).toEqual(new Date('2026-07-01T00:00:00.000Z'));
  });

  it('counts the hours of a day when the clocks change', () => {
    // Berlin leaves summer time on 25 October 2026: 03:00 CEST becomes 02:00 CET.
    expect(instantIn('2026-10-25', '12:00', 'Europe/Berlin')).toEqual(new Date('2026-10-25T11:00:00.000Z'));
    // And starts it on 29 March 2026.
    expect(instantIn('2026-03-29', '12:00', 'Europe/Berlin')).toEqual(new Date('2026-03-29T10:00:00.000Z'));
  });
});

describe('a time the clocks skip', () => {
  it('moves forward with the clocks', () => {
    // 02:30 never happens in Berlin on 29 March 2026: at 02:00 the clocks jump to 03:00.
    expect(instantIn('2026-03-29', '02:30', 'Europe/Berlin')).toEqual(new Date('2026-03-29T01:30:00.000Z'));
  });
});
