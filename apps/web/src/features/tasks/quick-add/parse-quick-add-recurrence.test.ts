import { describe, expect, it } from 'vitest';
import { parseQuickAdd, readQuickAdd } from './parse-quick-add';

// Friday 27 November 2026, 14:00 local time.
const NOW = new Date(2026, 10, 27, 14, 0);
const allDay = (day: string) => ({ dueDate: new Date(`${day}T00:00:00Z`), allDay: true });

describe('quick add recurrence', () => {
  it.each([
    ['Stretch every day', 'FREQ=DAILY', '2026-11-27'],
    ['Stand-up every weekday', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '2026-11-27'],
    ['Gym every monday and thursday', 'FREQ=WEEKLY;BYDAY=MO,TH', '2026-11-30'],
    ['Gym every mon, thu', 'FREQ=WEEKLY;BYDAY=MO,TH', '2026-11-30'],
    ['Gym every Tue, Thu and Sat', 'FREQ=WEEKLY;BYDAY=TU,TH,SA', '2026-11-28'],
    ['Review budget every 2 weeks', 'FREQ=WEEKLY;INTERVAL=2', '2026-11-27'],
    ['Review budget every other week', 'FREQ=WEEKLY;INTERVAL=2', '2026-11-27'],
    ['Team sync every 2 weeks on monday', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '2026-11-30'],
    ['Pay rent every month on the 15th', 'FREQ=MONTHLY;BYMONTHDAY=15', '2026-12-15'],
    ['Pay rent every 15th', 'FREQ=MONTHLY;BYMONTHDAY=15', '2026-12-15'],
    ['Book club every last friday', 'FREQ=MONTHLY;BYDAY=-1FR', '2026-11-27'],
    ['Board meeting every first monday of the month', 'FREQ=MONTHLY;BYDAY=1MO', '2026-12-07'],
    ['Invoice every last day of the month', 'FREQ=MONTHLY;BYMONTHDAY=-1', '2026-11-30'],
    ['Invoice every month on the last day', 'FREQ=MONTHLY;BYMONTHDAY=-1', '2026-11-30'],
    ['Renew insurance every year', 'FREQ=YEARLY', '2026-11-27'],
    ['Water plants every 3 days', 'FREQ=DAILY;INTERVAL=3', '2026-11-27'],
    ['Water plants every three days', 'FREQ=DAILY;INTERVAL=3', '2026-11-27'],
    ['Check smoke alarm every 6 months', 'FREQ=MONTHLY;INTERVAL=6', '2026-11-27'],
    ['Water ferns every other day', 'FREQ=DAILY;INTERVAL=2', '2026-11-27'],
    ['Call grandma every other week on monday', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', '2026-11-30'],
    ['Renew passport every 2 years', 'FREQ=YEARLY;INTERVAL=2', '2026-11-27'],
    ['Clean house every weekend', 'FREQ=WEEKLY;BYDAY=SA,SU', '2026-11-28'],
  ])('%s → %s, first due %s all day', (input, rule, first) => {
    const draft = parseQuickAdd(input, NOW);
    expect(draft.recurrence).toEqual({ rule, from: 'due' });
    expect(draft).toMatchObject(allDay(first));
    expect(draft.title).not.toMatch(/every/i);
  });

  it('reads "every!" and "after completion" as repeating from completion', () => {
    expect(parseQuickAdd('Water plants every! 3 days', NOW)).toMatchObject({
      title: 'Water plants',
      recurrence: { rule: 'FREQ=DAILY;INTERVAL=3', from: 'completion' },
    });
    expect(parseQuickAdd('Haircut every 4 weeks after completion', NOW)).toMatchObject({
      title: 'Haircut',
      recurrence: { rule: 'FREQ=WEEKLY;INTERVAL=4', from: 'completion' },
    });
  });

  it.each([
    'Every little thing',
    'Review everyday tasks',
    'Pay every month’s bills',
    'Call every other friend',
    'Photograph every sunset',
    'Read every 3 chapters',
    'Fix "every day" typo',
  ])('leaves %s as a title without a schedule', (input) => {
    const draft = parseQuickAdd(input, NOW);
    expect(draft.recurrence).toBeNull();
    expect(draft.title).toBe(input.replace(/"/g, ''));
  });

  it('keeps the rest of the line working: priority, and a time on the first day of the schedule', () => {
    expect(parseQuickAdd('Water plants every 3 days !low', NOW)).toMatchObject({
      title: 'Water plants',
      priority: 'low',
      recurrence: { rule: 'FREQ=DAILY;INTERVAL=3', from: 'due' },
      ...allDay('2026-11-27'),
    });
    expect(parseQuickAdd('Gym every monday 7pm', NOW)).toMatchObject({
      title: 'Gym',
      dueDate: new Date(2026, 10, 30, 19, 0),
      allDay: false,
    });
  });

  it('takes a given due date as the first one', () => {
    expect(parseQuickAdd('Pay rent every month starting dec 1', NOW)).toMatchObject({
      recurrence: { rule: 'FREQ=MONTHLY', from: 'due' },
      ...allDay('2026-12-01'),
    });
  });

  it('marks the schedule for highlighting', () => {
    const { marks } = readQuickAdd('Gym every mon, thu !high', NOW);
    expect(marks).toEqual([
      { kind: 'recurrence', start: 4, end: 18 },
      { kind: 'priority', start: 19, end: 24 },
    ]);
  });
});
