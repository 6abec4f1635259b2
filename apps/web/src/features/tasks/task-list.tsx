import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Task } from '../../lib/api-types';
import { errorMessage } from '../../lib/trpc-errors';
import type { StatusTab } from './status-tabs';
import { TaskListEmpty, TaskListError, TaskListSkeleton } from './task-list-states';
import { TaskRow } from './task-row';
import { isOptimistic, useDeleteTask, useSetTaskStatus } from './use-task-mutations';
import { useTaskList } from './use-task-queries';

const ROW_HEIGHT = 44;
// Start the next page this many rows before the end, so scrolling rarely meets the skeleton.
const PREFETCH_ROWS = 10;

function useScrollMargin() {
  const ref = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setMargin(element.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  return { ref, margin };
}

export function TaskList({ tab }: { tab: StatusTab }) {
  const query = useTaskList(tab === 'all' ? {} : { status: [tab] });
  const tasks = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const setStatus = useSetTaskStatus();
  const remove = useDeleteTask();
  const { ref, margin } = useScrollMargin();
  const pendingFocus = useRef<number | null>(null);

  const virtualizer = useWindowVirtualizer({
    count: tasks.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: margin,
    getItemKey: (index) => tasks[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= tasks.length - PREFETCH_ROWS) {
      void fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastIndex, tasks.length]);

  // After a keyboard delete, focus moves to the row that took the deleted one's place.
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null || !ref.current) return;
    const rows = ref.current.querySelectorAll<HTMLElement>('[data-testid="task-row"]');
    const target = ref.current.querySelector<HTMLElement>(
      `[data-index="${Math.min(index, tasks.length - 1)}"] [data-testid="task-row"]`,
    );
    if (target || rows.length === 0) pendingFocus.current = null;
    target?.focus();
  }, [tasks, ref]);

  const toggle = (task: Task) =>
    setStatus.mutate({ task, status: task.status === 'completed' ? 'pending' : 'completed' });
  const onDelete = (task: Task, index: number) => {
    if (document.activeElement?.closest('[data-testid="task-row"]')) pendingFocus.current = index;
    remove.mutate(task);
  };

  if (query.isPending) return <TaskListSkeleton />;
  if (query.isError)
    return <TaskListError message={errorMessage(query.error)} onRetry={() => void query.refetch()} />;
  if (tasks.length === 0) return <TaskListEmpty tab={tab} />;

  return (
    <div ref={ref}>
      <ul
        aria-label="Tasks"
        className="relative overflow-hidden rounded-lg border border-line bg-surface [&>li:last-child>div]:border-b-0"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const task = tasks[item.index];
          if (!task) return null;
          return (
            <li
              key={item.key}
              aria-setsize={hasNextPage ? -1 : tasks.length}
              aria-posinset={item.index + 1}
              data-index={item.index}
              className="absolute inset-x-0 top-0"
              style={{ height: item.size, transform: `translateY(${item.start - margin}px)` }}
            >
              <TaskRow
                task={task}
                pending={isOptimistic(task)}
                onToggle={toggle}
                onDelete={(deleted) => onDelete(deleted, item.index)}
              />
            </li>
          );
        })}
      </ul>
      {isFetchingNextPage ? <TaskListSkeleton rows={2} /> : null}
    </div>
  );
}
