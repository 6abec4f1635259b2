import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../lib/offline/outbox/outbox-entry';
import { describeEntry, outboxSummary } from './describe-entry';

const entry = (path: string, state: OutboxEntry['state'] = 'waiting', title?: string): OutboxEntry => ({
  key: `u|${Math.random()}`,
  userId: 'u',
  path,
  input: {},
  title,
  queuedAt: new Date(0),
  state,
});

describe('what the outbox tells the person', () => {
  it('names each waiting write in words', () => {
    expect(describeEntry(entry('task.create', 'waiting', 'Buy milk'))).toBe('Add “Buy milk”');
    expect(describeEntry(entry('project.delete', 'waiting', 'Garden'))).toBe('Delete project “Garden”');
    expect(describeEntry(entry('task.bulkUpdate', 'waiting', '3 tasks'))).toBe('Change 3 tasks');
  });

  it('counts what waits offline, and says nothing online unless something needs the person', () => {
    const waiting = [entry('task.create'), entry('task.update'), entry('task.delete')];
    expect(outboxSummary(waiting, { offline: true, serverBusy: false })).toBe('Offline — 3 changes waiting');
    expect(outboxSummary([], { offline: true, serverBusy: false })).toMatch(/^Offline — changes you make/);
    expect(outboxSummary(waiting, { offline: false, serverBusy: false })).toBeNull();
    expect(outboxSummary([entry('task.update', 'conflict')], { offline: false, serverBusy: false })).toBe(
      '1 change needs your choice',
    );
    expect(
      outboxSummary([entry('task.create'), entry('task.update', 'failed')], {
        offline: true,
        serverBusy: false,
      }),
    ).toBe('Offline — 1 change waiting · 1 change couldn’t be saved');
    expect(outboxSummary(waiting, { offline: false, serverBusy: true })).toMatch(
      /^3 changes waiting: Taskapp can’t be reached/,
    );
  });
});
