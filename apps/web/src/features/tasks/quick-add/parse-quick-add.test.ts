import { describe, expect, it } from 'vitest';
import { parseQuickAdd } from './parse-quick-add';

// Friday 27 November 2026, 14:00 local time.
const NOW = new Date(2026, 10, 27, 14, 0);

describe('parseQuickAdd', () => {
  it('reads a date with a time and a priority out of the title', () => {
    expect(parseQuickAdd('Pay rent tomorrow 9am !high', NOW)).toEqual({
      title: 'Pay rent',
      dueDate: new Date(2026, 10, 28, 9, 0),
      hasTime: true,
      priority: 'high',
    });
  });

  it('makes a day without a time due at the start of that day', () => {
    const draft = parseQuickAdd('Water plants tomorrow', NOW);
    expect(draft.title).toBe('Water plants');
    expect(draft.dueDate).toEqual(new Date(2026, 10, 28));
    expect(draft.hasTime).toBe(false);
  });

  it('leaves plain text alone', () => {
    expect(parseQuickAdd('  Buy 2   apples ', NOW)).toEqual({
      title: 'Buy 2 apples',
      dueDate: null,
      hasTime: false,
      priority: null,
    });
  });

  it('drops the preposition that introduced the date', () => {
    const draft = parseQuickAdd('Call mom on friday', NOW);
    expect(draft.title).toBe('Call mom');
    expect(draft.dueDate?.getDay()).toBe(5);
    expect(draft.dueDate && draft.dueDate > NOW).toBe(true);
  });

  it('keeps quoted text literal and drops the quotes', () => {
    expect(parseQuickAdd('Read "Tomorrow and tomorrow !low" today !medium', NOW)).toEqual({
      title: 'Read Tomorrow and tomorrow !low',
      dueDate: new Date(2026, 10, 27),
      hasTime: false,
      priority: 'medium',
    });
  });

  it('reads priorities in any case and only as whole words', () => {
    expect(parseQuickAdd('Ship it !HIGH', NOW).priority).toBe('high');
    expect(parseQuickAdd('Ship it!high', NOW)).toMatchObject({ title: 'Ship it!high', priority: null });
    expect(parseQuickAdd('Ship it !urgent', NOW)).toMatchObject({ title: 'Ship it !urgent', priority: null });
  });

  it('lets the last priority win', () => {
    expect(parseQuickAdd('!low Tidy desk !high', NOW)).toMatchObject({
      title: 'Tidy desk',
      priority: 'high',
    });
  });

  it('gives an empty title when only a date and a priority were typed', () => {
    expect(parseQuickAdd('tomorrow !low', NOW).title).toBe('');
  });
});
