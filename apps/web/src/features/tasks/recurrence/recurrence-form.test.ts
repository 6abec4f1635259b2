import { describe, expect, it } from 'vitest';
import { defaultFormState, formStateOf, ruleOfForm, withPreset } from './recurrence-form';

// Friday 27 November 2026, an all-day due date.
const DUE = new Date('2026-11-27T00:00:00Z');

describe('recurrence editor form', () => {
  it.each([
    ['FREQ=DAILY', 'daily'],
    ['FREQ=DAILY;INTERVAL=3', 'daily'],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'weekdays'],
    ['FREQ=WEEKLY', 'weekly'],
    ['FREQ=WEEKLY;BYDAY=MO,TH', 'weekly'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', 'weekly'],
    ['FREQ=MONTHLY', 'monthly'],
    ['FREQ=MONTHLY;BYMONTHDAY=15', 'monthly'],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', 'monthly'],
    ['FREQ=MONTHLY;BYDAY=-1FR', 'monthly'],
    ['FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU', 'monthly'],
    ['FREQ=YEARLY', 'yearly'],
    ['FREQ=DAILY;COUNT=5', 'daily'],
    ['FREQ=WEEKLY;BYDAY=SA,SU;UNTIL=20270131', 'weekly'],
    ['FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1', 'custom'],
    ['FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1', 'custom'],
    ['FREQ=WEEKLY;BYDAY=TH,MO', 'custom'],
    ['FREQ=DAILY;COUNT=3;UNTIL=20270101', 'custom'],
  ])('%s opens as %s and saves back unchanged', (rule, preset) => {
    const state = formStateOf(rule, DUE);
    expect(state.preset).toBe(preset);
    expect(ruleOfForm(state)).toBe(rule);
  });

  it('reads the choices of a preset rule', () => {
    expect(formStateOf('FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU;COUNT=4', DUE)).toMatchObject({
      preset: 'monthly',
      interval: 3,
      monthly: 'nth-weekday',
      nth: 2,
      nthWeekday: 'TU',
      ends: 'count',
      count: 4,
    });
    expect(formStateOf('FREQ=WEEKLY;BYDAY=SA,SU;UNTIL=20270131', DUE)).toMatchObject({
      weekdays: ['SA', 'SU'],
      ends: 'until',
      until: '2027-01-31',
    });
  });

  it('has no rule for "does not repeat", and starts new choices from the due date', () => {
    expect(ruleOfForm(formStateOf(null, DUE))).toBeNull();
    const fresh = defaultFormState(DUE);
    expect(ruleOfForm({ ...fresh, preset: 'weekly' })).toBe('FREQ=WEEKLY;BYDAY=FR');
    expect(ruleOfForm({ ...fresh, preset: 'monthly', monthly: 'day' })).toBe('FREQ=MONTHLY;BYMONTHDAY=27');
    expect(ruleOfForm({ ...fresh, preset: 'monthly', monthly: 'nth-weekday' })).toBe(
      'FREQ=MONTHLY;BYDAY=-1FR',
    );
  });

  it('builds rules from changed choices', () => {
    const weekly = { ...defaultFormState(DUE), preset: 'weekly' as const };
    expect(ruleOfForm({ ...weekly, weekdays: ['TH', 'MO'] })).toBe('FREQ=WEEKLY;BYDAY=MO,TH');
    expect(ruleOfForm({ ...weekly, interval: 2, ends: 'count', count: 6 })).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;COUNT=6',
    );
    expect(ruleOfForm({ ...weekly, ends: 'until', until: '2027-03-01' })).toBe(
      'FREQ=WEEKLY;BYDAY=FR;UNTIL=20270301',
    );
    expect(ruleOfForm({ ...weekly, preset: 'custom', custom: ' freq=hourly ' })).toBe('FREQ=HOURLY');
  });

  it('starts another preset at an interval of 1, and a custom rule from the rule shown', () => {
    const everyThreeDays = formStateOf('FREQ=DAILY;INTERVAL=3', DUE);
    expect(ruleOfForm(withPreset(everyThreeDays, 'weekly'))).toBe('FREQ=WEEKLY;BYDAY=FR');
    expect(withPreset(everyThreeDays, 'custom').custom).toBe('FREQ=DAILY;INTERVAL=3');
    expect(withPreset(everyThreeDays, 'daily')).toBe(everyThreeDays);
  });
});
