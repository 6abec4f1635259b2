import { describe, expect, it } from 'vitest';
import type { Task } from '../../../lib/api-types';
import { applyPatch, chunks, draftTask, isOptimistic } from './task-model';

const done: Task = {
  id: '7f1c0d4e-2a9b-4c51-9a43-0b6f1e2d3c4b',
  title: 'Pay rent',
  description: null,
  status: 'completed',
  priority: 'high',
  dueDate: null,
  allDay: false,
  completedAt: new Date(1),
  createdAt: new Date(0),
  updatedAt: new Date(1),
  projectId: null,
  labelIds: [],
  parentId: null,
  subtaskCount: 0,
  position: 'a0',
  recurrence: null,
  reminders: [],
};

describe('optimistic tasks', () => {
  it('drafts a new task with the defaults the server uses, under a temporary id', () => {
    const now = new Date(10);
    const draft = draftTask({ title: '  Pay rent ' }, now);
    expect(isOptimistic(draft)).toBe(true);
    expect(draft).toMatchObject({
      title: 'Pay rent',
      status: 'pending',
      priority: 'medium',
      completedAt: null,
    });
    expect(draft.createdAt).toBe(now);
  });

  it('drafts a task created as completed with its completion time', () => {
    const now = new Date(10);
    expect(draftTask({ title: 'Pay rent', status: 'completed' }, now).completedAt).toBe(now);
  });

  it('clears completedAt when a task is reopened', () => {
    expect(applyPatch(done, { status: 'pending' }).completedAt).toBeNull();
  });

  it('leaves completedAt alone when the status does not change, and always moves updatedAt', () => {
    const now = new Date(5);
    expect(applyPatch(done, { priority: 'low' }, now)).toMatchObject({
      priority: 'low',
      completedAt: new Date(1),
      updatedAt: now,
    });
    expect(applyPatch(done, { status: 'completed' }, now).completedAt).toEqual(new Date(1));
  });
});

describe('writes', () => {
  it('tells a saved task from an optimistic one', () => {
    expect(isOptimistic(done)).toBe(false);
  });

  it('splits a big selection into bulk calls of at most the limit', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks(Array.from({ length: 250 }, (_, i) => i)).map((chunk) => chunk.length)).toEqual([
      100, 100, 50,
    ]);
  });
});
