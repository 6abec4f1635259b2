import { MutationObserver, QueryClient, type QueryKey } from '@tanstack/react-query';
import type { SyncChange } from '@taskapp/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskListData } from '../../features/tasks/data/task-cache';
import { fakeList, fakeTask, pageIds } from '../../features/tasks/data/task-fixtures';
import { TASK_WRITE_KEY } from '../../features/tasks/data/use-task-cache';
import { trpc } from '../clients';
import { createChangeApplier } from './apply-changes';

// Plain keys: the tests put made-up data under them.
const listKey: QueryKey = trpc.task.list.infiniteQueryKey({ view: 'today' });
const statsKey: QueryKey = trpc.task.stats.queryKey({});
const projectsKey: QueryKey = trpc.project.list.queryKey();
const labelsKey: QueryKey = trpc.label.list.queryKey();

const change = (entity: SyncChange['entity'], op: SyncChange['op'], id: string): SyncChange => ({
  entity,
  op,
  id,
  at: new Date(0),
});

let queryClient: QueryClient;
beforeEach(() => {
  vi.useFakeTimers();
  queryClient = new QueryClient();
  queryClient.setQueryData(listKey, fakeList([[fakeTask('a'), fakeTask('b')], [fakeTask('c')]]));
  queryClient.setQueryData(statsKey, { open: 3 });
  queryClient.setQueryData(projectsKey, []);
  queryClient.setQueryData(labelsKey, []);
});
afterEach(() => {
  queryClient.clear();
  vi.useRealTimers();
});

const stale = (key: QueryKey) => queryClient.getQueryState(key)?.isInvalidated ?? false;

describe('applying changes made elsewhere', () => {
  it('takes a deleted task out of the loaded lists at once, and refetches counts a moment later', async () => {
    const apply = createChangeApplier(queryClient);
    apply.change(change('task', 'delete', 'b'));
    expect(pageIds(queryClient.getQueryData<TaskListData>(listKey) as TaskListData)).toEqual([['a'], ['c']]);
    expect(stale(statsKey)).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect([stale(statsKey), stale(projectsKey), stale(labelsKey)]).toEqual([true, true, false]);
    apply.stop();
  });

  it('refetches the labels and the task rows that show them when a label changes', async () => {
    const apply = createChangeApplier(queryClient);
    apply.change(change('label', 'upsert', 'l1'));
    await vi.advanceTimersByTimeAsync(100);
    expect([stale(listKey), stale(labelsKey), stale(projectsKey)]).toEqual([true, true, false]);
    apply.stop();
  });

  it('waits for this tab’s task writes to settle before refetching, so they do not flicker back', async () => {
    let finishWrite = () => {};
    const write = new MutationObserver(queryClient, {
      mutationKey: TASK_WRITE_KEY,
      mutationFn: () => new Promise<void>((resolve) => (finishWrite = resolve)),
    });
    void write.mutate();
    const apply = createChangeApplier(queryClient);
    apply.change(change('task', 'upsert', 'a'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stale(listKey)).toBe(false);

    finishWrite();
    await vi.advanceTimersByTimeAsync(0);
    expect(stale(listKey)).toBe(true);
    apply.stop();
  });

  it('refetches everything on a resync', async () => {
    const apply = createChangeApplier(queryClient);
    apply.resync();
    await vi.advanceTimersByTimeAsync(100);
    expect([stale(listKey), stale(statsKey), stale(projectsKey), stale(labelsKey)]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    apply.stop();
  });
});
