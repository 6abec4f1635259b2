import { describe, expect, it } from 'vitest';
import { type EditValues, mergeEdits, patchBetween } from './merge-edits';

const base: EditValues = {
  title: 'Pay rent',
  description: null,
  status: 'pending',
  priority: 'medium',
  dueDate: new Date('2026-12-01T00:00:00.000Z'),
  allDay: true,
  projectId: null,
  recurrence: null,
  reminders: [],
};

describe('patchBetween', () => {
  it('holds only the fields that differ', () => {
    expect(patchBetween(base, { ...base })).toEqual({});
    expect(patchBetween(base, { ...base, title: 'Pay the rent', priority: 'high' })).toEqual({
      title: 'Pay the rent',
      priority: 'high',
    });
  });

  it('sends the due date and all-day together, and compares dates by value', () => {
    expect(patchBetween(base, { ...base, dueDate: new Date(base.dueDate?.getTime() ?? 0) })).toEqual({});
    const timed = { ...base, dueDate: new Date('2026-12-01T09:30:00.000Z'), allDay: false };
    expect(patchBetween(base, timed)).toEqual({ dueDate: timed.dueDate, allDay: false });
    expect(patchBetween(base, { ...base, allDay: false })).toEqual({ dueDate: base.dueDate, allDay: false });
    expect(patchBetween(base, { ...base, dueDate: null })).toEqual({ dueDate: null, allDay: false });
  });

  it('leaves out the skipped fields', () => {
    expect(patchBetween(base, { ...base, title: 'A', status: 'completed' }, ['title'])).toEqual({
      status: 'completed',
    });
  });
});

describe('mergeEdits', () => {
  it('saves my field on top of theirs when each side changed a different field', () => {
    const mine = { ...base, title: 'Pay the rent' };
    const theirs = { ...base, description: 'Bank transfer' };
    expect(mergeEdits(base, mine, theirs)).toEqual({ patch: { title: 'Pay the rent' }, conflicts: [] });
  });

  it('asks about a field both sides changed to different values, and still saves the rest', () => {
    const mine = { ...base, title: 'Pay the rent', priority: 'high' as const };
    const theirs = { ...base, title: 'Pay rent today' };
    expect(mergeEdits(base, mine, theirs)).toEqual({ patch: { priority: 'high' }, conflicts: ['title'] });
  });

  it('needs nothing for a field both sides changed the same way', () => {
    const mine = { ...base, status: 'completed' as const };
    expect(mergeEdits(base, mine, { ...mine })).toEqual({ patch: {}, conflicts: [] });
  });

  it('keeps their change of a field I did not touch', () => {
    const theirs = { ...base, dueDate: null, allDay: false };
    expect(mergeEdits(base, { ...base }, theirs)).toEqual({ patch: {}, conflicts: [] });
  });

  it('treats a due date changed on both sides as one field', () => {
    const mine = { ...base, dueDate: new Date('2026-12-02T00:00:00.000Z') };
    const theirs = { ...base, dueDate: new Date('2026-12-01T15:00:00.000Z'), allDay: false };
    expect(mergeEdits(base, mine, theirs)).toEqual({ patch: {}, conflicts: ['due'] });
  });

  it('treats the repeat rule and where it counts from as one field', () => {
    const weekly = { ...base, recurrence: { rule: 'FREQ=WEEKLY', from: 'due' as const } };
    expect(patchBetween(base, weekly)).toEqual({ recurrence: weekly.recurrence });
    expect(patchBetween(weekly, { ...weekly, recurrence: { rule: 'FREQ=WEEKLY', from: 'due' } })).toEqual({});
    const mine = { ...weekly, recurrence: { rule: 'FREQ=WEEKLY', from: 'completion' as const } };
    const theirs = { ...weekly, recurrence: null };
    expect(mergeEdits(weekly, mine, theirs).conflicts).toEqual(['recurrence']);
    expect(patchBetween(weekly, theirs)).toEqual({ recurrence: null });
  });

  it('treats the reminders as one field, compared by meaning and not by order', () => {
    const at = new Date('2026-12-01T08:00:00.000Z');
    const two = { ...base, reminders: [{ minutesBefore: 10 }, { at }] };
    expect(patchBetween(base, two)).toEqual({ reminders: two.reminders });
    expect(patchBetween(two, { ...two, reminders: [{ at: new Date(at) }, { minutesBefore: 10 }] })).toEqual(
      {},
    );
    const mine = { ...two, reminders: [{ minutesBefore: 10 }] };
    const theirs = { ...two, reminders: [{ minutesBefore: 60 }] };
    expect(mergeEdits(two, mine, theirs)).toEqual({ patch: {}, conflicts: ['reminders'] });
    expect(mergeEdits(two, mine, { ...two, title: 'Pay it' })).toEqual({
      patch: { reminders: [{ minutesBefore: 10 }] },
      conflicts: [],
    });
  });
});
