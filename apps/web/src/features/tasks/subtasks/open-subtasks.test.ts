import { describe, expect, it } from 'vitest';
import type { Task } from '../../../lib/api-types';
import { openSubtasksOf } from './open-subtasks';

const task = (id: string, overrides: Partial<Task> = {}) =>
  ({ id, title: id, status: 'pending', subtaskCount: 0, parentId: null, ...overrides }) as Task;

describe('open subtasks', () => {
  it('reads every level and every page, keeping only open tasks', async () => {
    const children: Record<string, Task[][]> = {
      p: [[task('a', { subtaskCount: 1 }), task('b', { status: 'completed', subtaskCount: 1 })], [task('c')]],
      a: [[task('a1')]],
      b: [[task('b1', { status: 'in_progress' })]],
    };
    const calls: string[] = [];
    const open = await openSubtasksOf(task('p', { subtaskCount: 3 }), async ({ parentId, cursor }) => {
      calls.push(`${parentId}:${cursor}`);
      const pages = children[parentId] ?? [[]];
      const at = cursor === null ? 0 : Number(cursor);
      return { items: pages[at] ?? [], nextCursor: at + 1 < pages.length ? String(at + 1) : null };
    });
    expect(open.map((t) => t.id)).toEqual(['a', 'c', 'a1', 'b1']);
    expect(calls).toEqual(['p:null', 'p:1', 'a:null', 'b:null']);
  });

  it('asks nothing for a task without subtasks', async () => {
    let asked = false;
    const open = await openSubtasksOf(task('p'), async () => {
      asked = true;
      return { items: [], nextCursor: null };
    });
    expect(open).toEqual([]);
    expect(asked).toBe(false);
  });
});
