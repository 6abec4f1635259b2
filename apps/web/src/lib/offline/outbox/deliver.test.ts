import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { fakeTask } from '../../../features/tasks/data/task-fixtures';
import type { Task } from '../../api-types';
import { deliver, type Server } from './deliver';
import { keepMinePatch } from './keep-mine';
import type { OutboxEntry } from './outbox-entry';

function refusal(code: string, httpStatus: number, message = code) {
  return TRPCClientError.from({ error: { message, code: -32600, data: { code, httpStatus } } });
}

function entry(path: string, input: unknown, extra: Partial<OutboxEntry> = {}): OutboxEntry {
  return { key: 'u|1', userId: 'u', path, input, queuedAt: new Date(0), state: 'waiting', ...extra };
}

/**
 * The server's side of task.update as the outbox meets it: one task, a version per save, and CONFLICT for
 * an edit made on an older version. (The real server is exercised by the offline-outbox journeys.)
 */
function serverWith(start: Task) {
  let current = start;
  let version = start.updatedAt.getTime();
  const sent: unknown[] = [];
  const server: Server = {
    async send(path, input) {
      sent.push(input);
      const { id: _id, expectedUpdatedAt, ...patch } = input as { id: string; expectedUpdatedAt?: Date };
      if (path !== 'task.update') throw new Error(`unexpected ${path}`);
      if (expectedUpdatedAt && expectedUpdatedAt.getTime() !== current.updatedAt.getTime())
        throw refusal('CONFLICT', 409, 'This task changed elsewhere');
      version += 1000;
      current = { ...current, ...patch, updatedAt: new Date(version) };
      return current;
    },
    task: async () => current,
  };
  return {
    server,
    sent,
    current: () => current,
    /** Another device saves meanwhile. */
    changeElsewhere(patch: Partial<Task>) {
      version += 1000;
      current = { ...current, ...patch, updatedAt: new Date(version) };
    },
  };
}

const failing = (error: unknown): Server => ({
  send: () => Promise.reject(error),
  task: () => Promise.reject(error),
});

describe('delivering one waiting write', () => {
  it('hands back the server’s answer', async () => {
    const server: Server = { send: async () => ({ id: 't1' }), task: () => Promise.reject(new Error()) };
    expect(await deliver(entry('task.delete', { id: 't1' }), server)).toEqual({
      kind: 'delivered',
      data: { id: 't1' },
    });
  });

  it('waits when there is no answer, the session ended or the server is busy', async () => {
    const write = entry('task.create', { id: 't1', title: 'Buy milk' });
    expect(await deliver(write, failing(new TypeError('Failed to fetch')))).toEqual({
      kind: 'later',
      why: 'network',
    });
    expect(await deliver(write, failing(refusal('UNAUTHORIZED', 401)))).toEqual({
      kind: 'later',
      why: 'sign-in',
    });
    expect(await deliver(write, failing(refusal('INTERNAL_SERVER_ERROR', 503)))).toEqual({
      kind: 'later',
      why: 'server',
    });
    expect(await deliver(write, failing(refusal('TOO_MANY_REQUESTS', 429)))).toEqual({
      kind: 'later',
      why: 'server',
    });
  });

  it('counts deleting what another device already deleted as done', async () => {
    const outcome = await deliver(entry('task.delete', { id: 't1' }), failing(refusal('NOT_FOUND', 404)));
    expect(outcome).toEqual({ kind: 'delivered', data: { id: 't1' } });
  });

  it('gives up on a change the server refuses for good, saying why', async () => {
    const gone = await deliver(
      entry('task.update', { id: 't1', title: 'x' }),
      failing(refusal('NOT_FOUND', 404)),
    );
    expect(gone).toMatchObject({
      kind: 'refused',
      problem: expect.stringMatching(/deleted on another device/),
    });
    const bad = await deliver(
      entry('task.create', { id: 't1', title: '' }),
      failing(refusal('BAD_REQUEST', 400, 'Title is required')),
    );
    expect(bad).toMatchObject({ kind: 'refused', problem: 'Title is required' });
  });
});

describe('an edit made on a version that changed meanwhile', () => {
  const base = fakeTask('t1', { title: 'Plan the trip', description: null, updatedAt: new Date(1000) });
  const edit = (patch: Partial<Task>) =>
    entry(
      'task.update',
      { id: 't1', expectedUpdatedAt: base.updatedAt, ...patch },
      { base, title: base.title },
    );

  it('is saved on top of the other change when they touched different fields', async () => {
    const server = serverWith(base);
    server.changeElsewhere({ description: 'Lisbon' });
    const outcome = await deliver(edit({ title: 'Plan the summer trip' }), server.server);
    expect(outcome.kind).toBe('delivered');
    expect(server.current()).toMatchObject({ title: 'Plan the summer trip', description: 'Lisbon' });
  });

  it('asks the person about a field both changed, after saving what it can', async () => {
    const server = serverWith(base);
    server.changeElsewhere({ title: 'Plan the autumn trip', description: 'Lisbon' });
    const write = edit({ title: 'Plan the summer trip', priority: 'high' });
    const outcome = await deliver(write, server.server);
    expect(outcome).toMatchObject({ kind: 'conflict', fields: ['title'] });
    // The priority (only changed here) is saved; their title and description stay.
    expect(server.current()).toMatchObject({
      title: 'Plan the autumn trip',
      description: 'Lisbon',
      priority: 'high',
    });
    if (outcome.kind !== 'conflict') return;
    const chosen = {
      ...write,
      state: 'conflict' as const,
      conflict: { fields: outcome.fields, theirs: outcome.theirs },
    };
    expect(keepMinePatch(chosen)).toEqual({ title: 'Plan the summer trip' });
  });

  it('needs nothing when both made the same change', async () => {
    const server = serverWith(base);
    server.changeElsewhere({ title: 'Plan the summer trip' });
    const outcome = await deliver(edit({ title: 'Plan the summer trip' }), server.server);
    expect(outcome.kind).toBe('delivered');
    expect(server.sent).toHaveLength(1);
  });
});
