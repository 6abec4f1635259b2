import { useId } from 'react';
import type { Task } from '../../../lib/api-types';
import { isCompleted, isOptimistic } from '../data/task-model';
import { useUpdateTask } from '../data/use-task-mutations';
import { useTaskList } from '../data/use-task-queries';
import { StatusControl } from '../list/status-control';
import { AddSubtask } from './add-subtask';

/** The edit panel's list of a task's subtasks (title and completion), with a field to add more. */
export function SubtasksSection({ task }: { task: Task }) {
  const query = useTaskList({ parentId: task.id, sort: 'manual', order: 'asc' });
  const subtasks = query.data?.pages.flatMap((page) => page.items) ?? [];
  const update = useUpdateTask();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-1">
      <h3 id={headingId} className="font-medium text-sm">
        Subtasks
      </h3>
      {query.isPending ? (
        <p role="status" className="text-faint text-sm">
          Loading subtasks…
        </p>
      ) : subtasks.length > 0 ? (
        <ul className="flex flex-col">
          {subtasks.map((subtask) => (
            <li key={subtask.id} className="flex min-h-9 items-center gap-3 px-2">
              <StatusControl
                status={subtask.status}
                title={subtask.title}
                disabled={isOptimistic(subtask)}
                onToggle={() =>
                  update.mutate({
                    task: subtask,
                    patch: { status: isCompleted(subtask) ? 'pending' : 'completed' },
                  })
                }
              />
              <span
                className={`min-w-0 flex-1 truncate ${isCompleted(subtask) ? 'text-muted line-through' : ''}`}
              >
                {subtask.title}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {query.hasNextPage ? (
        <button
          type="button"
          onClick={() => void query.fetchNextPage()}
          className="h-9 self-start rounded-md px-2 text-accent-text text-sm hover:bg-subtle"
        >
          Show more subtasks
        </button>
      ) : null}
      <AddSubtask parent={task} />
    </section>
  );
}
