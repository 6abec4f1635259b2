import { describe, expect, it } from 'vitest';
import { dueLabel } from './due-label';

// Friday 27 November 2026, 14:00 local time.
const NOW = new Date(2026, 10, 27, 14, 0);

describe('dueLabel', () => {
  it('names nearby days and shows a time only when one was set', () => {
    expect(dueLabel(new Date(2026, 10, 28, 9, 0), NOW)).toEqual({
      text: 'Tomorrow 9:00 AM',
      day: 'Tomorrow',
      time: '9:00 AM',
      tone: 'normal',
    });
    expect(dueLabel(new Date(2026, 10, 28), NOW)).toMatchObject({ text: 'Tomorrow', time: null });
    expect(dueLabel(new Date(2026, 11, 1), NOW).text).toBe('Tuesday');
    expect(dueLabel(new Date(2027, 0, 15), NOW).text).toBe('Jan 15, 2027');
    expect(dueLabel(new Date(2026, 11, 25), NOW).text).toBe('Dec 25');
  });

  it('marks today in the accent until a set time has passed', () => {
    expect(dueLabel(new Date(2026, 10, 27), NOW)).toMatchObject({ text: 'Today', tone: 'today' });
    expect(dueLabel(new Date(2026, 10, 27, 18, 30), NOW)).toMatchObject({
      text: 'Today 6:30 PM',
      tone: 'today',
    });
    expect(dueLabel(new Date(2026, 10, 27, 9, 0), NOW).tone).toBe('overdue');
  });

  it('marks past days overdue, unless the task is completed', () => {
    expect(dueLabel(new Date(2026, 10, 26), NOW)).toMatchObject({ text: 'Yesterday', tone: 'overdue' });
    expect(dueLabel(new Date(2026, 10, 24, 17, 0), NOW)).toMatchObject({
      text: '3 days ago',
      tone: 'overdue',
    });
    expect(dueLabel(new Date(2026, 10, 24), NOW, true).tone).toBe('normal');
  });
});
