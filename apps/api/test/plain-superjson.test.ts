import { TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { formatError } from '../src/trpc/error-formatter.js';
import { serializeOutput } from '../src/trpc/plain-superjson.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Same bytes on the wire as superjson, and whether superjson itself had to write them. */
function compare(value: unknown) {
  const expected = JSON.stringify(superjson.serialize(value as never));
  const spy = vi.spyOn(superjson, 'serialize');
  const actual = JSON.stringify(serializeOutput(value));
  const fellBack = spy.mock.calls.length > 0;
  spy.mockRestore();
  return { expected, actual, fellBack };
}

function expectPlainPath(value: unknown) {
  const { expected, actual, fellBack } = compare(value);
  expect(fellBack).toBe(false);
  expect(actual).toBe(expected);
  expect(superjson.deserialize(JSON.parse(actual))).toStrictEqual(value);
}

/** A small seeded generator (mulberry32), so a failure names a reproducible seed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}

// Keys that need escaping in superjson paths or that it orders first (array indices).
const KEYS = ['a', 'b', 'dueDate', 'x.y', 'a\\b', '.', '\\', '', '0', '1', '10', '01', '4294967295', 'ü'];
const PLAIN_LEAVES: (() => unknown)[] = [
  () => 'text',
  () => '',
  () => 42,
  () => 0,
  () => -1.5,
  () => true,
  () => false,
  () => null,
  () => undefined,
  () => new Date(Date.UTC(2026, 10, 29, 16, 5, 7, 9)),
  () => new Date('0001-01-01T00:00:00.000Z'),
  () => new Date(Date.UTC(12_345, 0, 1)),
  () => new Date(-1),
];

/** A value made only of what the plain path writes itself. */
function plainValue(rng: ReturnType<typeof random>, depth: number): unknown {
  const kind = depth > 3 ? 0 : rng.next();
  if (kind < 0.5) return rng.pick(PLAIN_LEAVES)();
  const size = Math.floor(rng.next() * 5);
  if (kind < 0.75) return Array.from({ length: size }, () => plainValue(rng, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) object[rng.pick(KEYS)] = plainValue(rng, depth + 1);
  return object;
}

class Point {
  constructor(
    public x = 1,
    public y = 2,
  ) {}
}

/** Values only superjson writes (or refuses) correctly. */
const OTHER_LEAVES: (() => unknown)[] = [
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => Number.NEGATIVE_INFINITY,
  () => -0,
  () => 10n,
  () => new Map([['a', new Date(0)]]),
  () => new Set([1, 2]),
  () => new Point(),
  () => new Date(Number.NaN),
  () => new Error('boom'),
  () => /re/g,
  () => new URL('https://example.com/'),
  () => new Uint8Array([1, 2]),
  () => Object.assign(Object.create(null), { a: new Date(0) }),
];

function withOneOther(rng: ReturnType<typeof random>): unknown {
  const other = rng.pick(OTHER_LEAVES)();
  return { before: plainValue(rng, 2), deep: [{ value: other }], after: plainValue(rng, 2) };
}

/** A task as the list returns it (TaskDto in packages/db/src/queries/task-row.ts). */
const task = (i: number) => ({
  id: `0193a5b2-7c1d-7000-8000-${String(i).padStart(12, '0')}`,
  title: `Write the report ${i}`,
  description: i % 3 ? null : 'with a description',
  status: 'pending',
  priority: 'high',
  dueDate: i % 2 ? new Date('2026-12-01T00:00:00.000Z') : null,
  allDay: i % 2 === 1,
  completedAt: i % 5 ? null : new Date('2026-11-28T10:11:12.013Z'),
  createdAt: new Date('2026-11-20T08:00:00.000Z'),
  updatedAt: new Date('2026-11-29T09:30:00.500Z'),
  projectId: i % 4 ? null : '0193a5b2-7c1d-7000-8000-0000000000aa',
  labelIds: i % 2 ? ['0193a5b2-7c1d-7000-8000-0000000000bb'] : [],
  parentId: null,
  subtaskCount: i % 7,
  position: `a${i}`,
  reminders: i % 3 ? [] : [{ at: new Date('2026-12-01T08:00:00.000Z') }, { minutesBefore: 15 }],
});

describe('serializeOutput', () => {
  it('writes a task list page as superjson does, without superjson', () => {
    expectPlainPath({ items: Array.from({ length: 50 }, (_, i) => task(i)), nextCursor: 'opaque.cursor' });
    expectPlainPath({ items: [], nextCursor: null });
    expectPlainPath(task(1));
  });

  it('writes error shapes as superjson does', () => {
    const zodCause = z.object({ title: z.string().min(1) }).safeParse({ title: '' }).error;
    for (const error of [
      new TRPCError({ code: 'BAD_REQUEST', cause: zodCause }),
      new TRPCError({ code: 'NOT_FOUND', message: 'No such task.' }),
      new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'select … failed' }),
    ]) {
      const shape = {
        message: error.message,
        code: -32_600 as const,
        data: { code: error.code, httpStatus: 400, path: 'task.list', stack: 'x' },
      };
      const { expected, actual } = compare(formatError({ shape, error }));
      expect(actual).toBe(expected);
    }
  });

  it('writes roots that are a Date, undefined or a primitive', () => {
    for (const value of [new Date(0), undefined, null, 'text', 3, true, [], {}]) expectPlainPath(value);
  });

  it('matches superjson for thousands of generated plain values', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const value = plainValue(random(seed), 0);
      const { expected, actual } = compare(value);
      expect(actual, `seed ${seed}`).toBe(expected);
      expect(superjson.deserialize(JSON.parse(actual)), `seed ${seed}`).toStrictEqual(value);
    }
  });

  it('takes the plain path for most generated plain values', () => {
    let plain = 0;
    for (let seed = 1; seed <= 500; seed++) if (!compare(plainValue(random(seed), 0)).fellBack) plain++;
    expect(plain).toBeGreaterThan(400);
  });

  it('leaves everything else to superjson, with the same result', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const { expected, actual, fellBack } = compare(withOneOther(random(seed)));
      expect(fellBack, `seed ${seed}`).toBe(true);
      expect(actual, `seed ${seed}`).toBe(expected);
    }
  });

  it('leaves repeated and cyclic references to superjson', () => {
    const shared = { at: new Date(0) };
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const date = new Date(0);
    for (const value of [{ a: shared, b: shared }, cyclic, [date, date]]) {
      const { expected, actual, fellBack } = compare(value);
      expect(fellBack).toBe(true);
      expect(actual).toBe(expected);
    }
  });

  it('keeps an array’s holes as superjson does', () => {
    const holey: unknown[] = [new Date(0)];
    holey[2] = undefined;
    const { expected, actual } = compare({ holey });
    expect(actual).toBe(expected);
  });

  it('lets superjson refuse prototype-polluting keys', () => {
    const value = JSON.parse('{"a":{"constructor":1}}');
    expect(() => superjson.serialize(value)).toThrow(/prototype pollution/);
    expect(() => serializeOutput(value)).toThrow(/prototype pollution/);
  });

  it('orders annotations as superjson: an object’s own index keys before deeper ones', () => {
    const value = { list: { '0': { at: new Date(0) }, '1': new Date(1) } };
    const { expected, actual } = compare(value);
    expect(actual).toBe(expected);
    expect(Object.keys(JSON.parse(actual).meta.values)).toEqual(['list.1', 'list.0.at']);
  });
});
