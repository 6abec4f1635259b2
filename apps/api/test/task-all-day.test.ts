import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCode, newUser, openTaskTestDb, type TaskTestDb } from './helpers/task-fixtures.js';
import { callerFor } from './helpers/test-deps.js';

let t: TaskTestDb;

beforeAll(async () => {
  t = await openTaskTestDb();
});
afterAll(() => t.close());

/** A caller for the user whose clock reads `now`: "today" and "overdue" are judged at that instant. */
function at(userId: string, now: string) {
  return callerFor({ ...t.deps, now: () => new Date(now) }, { userId, sessionId: randomUUID() });
}

async function userIn(timeZone: string) {
  const user = await newUser(t, 'all-day');
  await user.api.account.updateSettings({ timeZone });
  return user;
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('all-day tasks: writes', () => {
  it('create with allDay stores 00:00:00.000Z of the due date’s UTC day', async () => {
    const { api } = await newUser(t);
    const task = await api.task.create({
      title: 'Call mum',
      dueDate: new Date('2026-06-15T17:45:12.345Z'),
      allDay: true,
    });
    expect(task).toMatchObject({ allDay: true, dueDate: day('2026-06-15') });
    expect(await api.task.byId({ id: task.id })).toEqual(task);
  });

  it('is timed unless asked: create without allDay keeps the instant, and allDay without a date is false', async () => {
    const { api } = await newUser(t);
    const timed = await api.task.create({ title: 'Dentist', dueDate: new Date('2026-06-15T09:30:00.000Z') });
    expect(timed).toMatchObject({ allDay: false, dueDate: new Date('2026-06-15T09:30:00.000Z') });
    const undated = await api.task.create({ title: 'Someday', allDay: true });
    expect(undated).toMatchObject({ allDay: false, dueDate: null });
  });

  it('update: a new date of an all-day task is normalised; dueDate null makes it timed', async () => {
    const { api } = await newUser(t);
    const task = await api.task.create({ title: 'T', dueDate: day('2026-06-15'), allDay: true });
    const moved = await api.task.update({ id: task.id, dueDate: new Date('2026-06-20T13:00:00.000Z') });
    expect(moved).toMatchObject({ allDay: true, dueDate: day('2026-06-20') });
    const cleared = await api.task.update({ id: task.id, dueDate: null });
    expect(cleared).toMatchObject({ allDay: false, dueDate: null });
  });

  it('update: allDay true with a date normalises it; allDay false with a date sets the instant', async () => {
    const { api } = await newUser(t);
    const task = await api.task.create({ title: 'T' });
    const allDay = await api.task.update({
      id: task.id,
      dueDate: new Date('2026-07-01T23:59:59.999Z'),
      allDay: true,
    });
    expect(allDay).toMatchObject({ allDay: true, dueDate: day('2026-07-01') });
    const timed = await api.task.update({
      id: task.id,
      dueDate: new Date('2026-07-02T08:15:00.000Z'),
      allDay: false,
    });
    expect(timed).toMatchObject({ allDay: false, dueDate: new Date('2026-07-02T08:15:00.000Z') });
  });

  it('update: allDay true alone turns the due instant into its calendar day in the settings zone', async () => {
    const { api } = await userIn('America/New_York');
    // 02:00 UTC on the 16th is 22:00 on the 15th in New York.
    const task = await api.task.create({ title: 'T', dueDate: new Date('2026-06-16T02:00:00.000Z') });
    const allDay = await api.task.update({ id: task.id, allDay: true });
    expect(allDay).toMatchObject({ allDay: true, dueDate: day('2026-06-15') });
    // Saying it again changes nothing (the day is not shifted a second time).
    expect(await api.task.update({ id: task.id, allDay: true })).toMatchObject({
      dueDate: day('2026-06-15'),
    });
    const timed = await api.task.update({ id: task.id, allDay: false });
    expect(timed).toMatchObject({ allDay: false, dueDate: day('2026-06-15') });
    const undated = await api.task.create({ title: 'No date' });
    expect(await api.task.update({ id: undated.id, allDay: true })).toMatchObject({
      allDay: false,
      dueDate: null,
    });
  });

  it('bulkUpdate accepts allDay with a date and normalises it', async () => {
    const { api } = await newUser(t);
    const a = await api.task.create({ title: 'A' });
    const b = await api.task.create({ title: 'B' });
    const result = await api.task.bulkUpdate({
      ids: [a.id, b.id],
      patch: { dueDate: new Date('2026-08-09T19:00:00.000Z'), allDay: true },
    });
    expect(result).toEqual({ count: 2 });
    for (const id of [a.id, b.id]) {
      expect(await api.task.byId({ id })).toMatchObject({ allDay: true, dueDate: day('2026-08-09') });
    }
  });

  it('refuses a non-boolean allDay with BAD_REQUEST', async () => {
    const { api } = await newUser(t);
    // biome-ignore lint/suspicious/noExplicitAny: a wrong type on purpose
    await expectCode(api.task.create({ title: 'T', allDay: 'yes' as any }), 'BAD_REQUEST');
  });
});

describe('all-day tasks: today and overdue in the owner’s zone', () => {
  // The all-day task is for June 15; 23:00 on June 15 and 00:30 on June 16 local time in two zones
  // 25 hours apart (UTC+14 and UTC−11).
  const cases = [
    {
      zone: 'Pacific/Kiritimati',
      lateOnTheDay: '2026-06-15T09:00:00.000Z',
      nextDay: '2026-06-15T10:30:00.000Z',
    },
    {
      zone: 'Pacific/Pago_Pago',
      lateOnTheDay: '2026-06-16T10:00:00.000Z',
      nextDay: '2026-06-16T11:30:00.000Z',
    },
  ];

  it.each(cases)('in $zone: due today (not overdue) all day long, overdue from the next day', async (c) => {
    const user = await userIn(c.zone);
    const task = await user.api.task.create({ title: 'Call mum', dueDate: day('2026-06-15'), allDay: true });

    const late = at(user.userId, c.lateOnTheDay);
    expect(await late.task.stats()).toMatchObject({ overdue: 0, dueToday: 1 });
    expect((await late.task.list({ overdue: true })).items).toEqual([]);
    expect((await late.task.list({ overdue: false })).items.map((x) => x.id)).toEqual([task.id]);
    expect((await late.task.list({ view: 'today' })).items.map((x) => x.id)).toEqual([task.id]);

    const next = at(user.userId, c.nextDay);
    expect(await next.task.stats()).toMatchObject({ overdue: 1, dueToday: 0 });
    expect((await next.task.list({ overdue: true })).items.map((x) => x.id)).toEqual([task.id]);
    expect((await next.task.list({ overdue: false })).items).toEqual([]);
    expect((await next.task.list({ view: 'today' })).items.map((x) => x.id)).toEqual([task.id]);
  });

  it('a timed task is overdue from its instant and due today only on its local day', async () => {
    const user = await userIn('Asia/Tokyo');
    // 10:00 in Tokyo on June 15.
    await user.api.task.create({ title: 'Standup', dueDate: new Date('2026-06-15T01:00:00.000Z') });
    expect(await at(user.userId, '2026-06-15T00:59:00.000Z').task.stats()).toMatchObject({
      overdue: 0,
      dueToday: 1,
    });
    expect(await at(user.userId, '2026-06-15T01:00:00.001Z').task.stats()).toMatchObject({
      overdue: 1,
      dueToday: 1,
    });
    // 00:30 on June 16 in Tokyo: still overdue, no longer today.
    expect(await at(user.userId, '2026-06-15T15:30:00.000Z').task.stats()).toMatchObject({
      overdue: 1,
      dueToday: 0,
    });
  });

  it('completed tasks are never overdue or due today', async () => {
    const user = await userIn('UTC');
    await user.api.task.create({
      title: 'Done',
      dueDate: day('2026-06-14'),
      allDay: true,
      status: 'completed',
    });
    const later = at(user.userId, '2026-06-20T12:00:00.000Z');
    expect(await later.task.stats()).toMatchObject({ overdue: 0, dueToday: 0 });
    expect((await later.task.list({ overdue: true })).items).toEqual([]);
    expect((await later.task.list({ view: 'today' })).items).toEqual([]);
  });

  it('task.stats with an explicit timeZone reads today there, not in the settings zone', async () => {
    const user = await userIn('Pacific/Kiritimati');
    await user.api.task.create({ title: 'T', dueDate: day('2026-06-15'), allDay: true });
    // 09:00Z on June 15 is 23:00 June 15 in Kiritimati but 22:00 June 14 in Pago Pago.
    const caller = at(user.userId, '2026-06-15T09:00:00.000Z');
    expect(await caller.task.stats()).toMatchObject({ dueToday: 1 });
    expect(await caller.task.stats({ timeZone: 'Pacific/Pago_Pago' })).toMatchObject({
      dueToday: 0,
      overdue: 0,
    });
    // 05:00Z on June 16: June 16 in UTC (overdue), still 18:00 on June 15 in Pago Pago (due today).
    const later = at(user.userId, '2026-06-16T05:00:00.000Z');
    expect(await later.task.stats({ timeZone: 'UTC' })).toMatchObject({ overdue: 1, dueToday: 0 });
    expect(await later.task.stats({ timeZone: 'Pacific/Pago_Pago' })).toMatchObject({
      overdue: 0,
      dueToday: 1,
    });
  });

  it('task.stats refuses a zone PostgreSQL does not know (US/Pacific-New) with BAD_REQUEST, not a 500', async () => {
    const { api } = await newUser(t);
    await expectCode(api.task.stats({ timeZone: 'US/Pacific-New' }), 'BAD_REQUEST');
    await expectCode(api.task.stats({ timeZone: 'Mars/Olympus_Mons' }), 'BAD_REQUEST');
  });
});

describe('all-day tasks: dueBefore and dueAfter compare calendar days in the owner’s zone', () => {
  it('a day’s local midnights select its all-day tasks; timed tasks compare as instants', async () => {
    const user = await userIn('America/Los_Angeles');
    const { api } = user;
    const before = await api.task.create({ title: 'Day 14', dueDate: day('2026-06-14'), allDay: true });
    const on = await api.task.create({ title: 'Day 15', dueDate: day('2026-06-15'), allDay: true });
    const after = await api.task.create({ title: 'Day 16', dueDate: day('2026-06-16'), allDay: true });
    // 23:30 on June 15 in Los Angeles (06:30Z on the 16th).
    const lateTimed = await api.task.create({ title: 'Late', dueDate: new Date('2026-06-16T06:30:00.000Z') });
    // Midnight starting June 15 and June 16 in Los Angeles (UTC−7 in summer).
    const startOf15 = new Date('2026-06-15T07:00:00.000Z');
    const startOf16 = new Date('2026-06-16T07:00:00.000Z');
    const titles = async (input: { dueAfter?: Date; dueBefore?: Date }) =>
      (await api.task.list({ ...input, sort: 'title', order: 'asc' })).items.map((x) => x.title);

    expect(await titles({ dueAfter: startOf15, dueBefore: startOf16 })).toEqual(['Day 15', 'Late']);
    expect(await titles({ dueBefore: startOf15 })).toEqual(['Day 14']);
    expect(await titles({ dueAfter: startOf16 })).toEqual(['Day 16']);
    expect([before.id, on.id, after.id, lateTimed.id]).toHaveLength(4);
  });
});

describe('task.list views', () => {
  it('today: open tasks overdue or due today; upcoming: open tasks due in the next 7 days, in date order', async () => {
    const user = await userIn('Europe/Berlin');
    const { api } = user;
    const make = (title: string, dueDate: Date | null, allDay = false, status?: 'completed') =>
      api.task.create({ title, dueDate, allDay, ...(status ? { status } : {}) });
    await make('Yesterday', day('2026-06-14'), true);
    await make('Today all day', day('2026-06-15'), true);
    await make('Today 18:00', new Date('2026-06-15T16:00:00.000Z'));
    await make('Done today', day('2026-06-15'), true, 'completed');
    await make('In three days', day('2026-06-18'), true);
    await make('Day 7', day('2026-06-21'), true);
    await make('Day 8', day('2026-06-22'), true);
    await make('No date', null);

    // 10:00 on June 15 in Berlin.
    const caller = at(user.userId, '2026-06-15T08:00:00.000Z');
    const today = (await caller.task.list({ view: 'today', sort: 'title', order: 'asc' })).items;
    expect(today.map((x) => x.title)).toEqual(['Today 18:00', 'Today all day', 'Yesterday']);
    const upcoming = (await caller.task.list({ view: 'upcoming' })).items;
    expect(upcoming.map((x) => x.title)).toEqual(['Today all day', 'Today 18:00', 'In three days', 'Day 7']);
  });
});
