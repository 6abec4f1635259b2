import { useDroppable } from '@dnd-kit/core';
import type { TaskStatus } from '@taskapp/shared';
import type { Task } from '../../lib/api-types';
import { STATUS_LABELS } from '../tasks/task-labels';
import { BoardCard, type CardActions } from './board-card';

interface ColumnProps extends CardActions {
  status: TaskStatus;
  tasks: Task[];
  timeZone: string;
  focusId: string | null;
}

/** One status's column; a card dropped anywhere on it takes that status. */
export function BoardColumn({ status, tasks, timeZone, focusId, onMove, onOpen }: ColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const headingId = `board-column-${status}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-testid={`board-column-${status}`}
      className={`flex min-h-64 w-72 shrink-0 flex-col gap-2 rounded-lg border p-2 transition-colors sm:w-auto sm:flex-1 ${isOver ? 'border-accent bg-accent-soft' : 'border-line bg-subtle'}`}
    >
      <h2 id={headingId} className="flex items-center gap-2 px-1 font-medium text-sm">
        {STATUS_LABELS[status]}
        <span className="text-muted tabular-nums">{tasks.length}</span>
      </h2>
      {tasks.length === 0 ? (
        <p className="px-1 text-muted text-sm">No tasks. Drag one here.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {tasks.map((task) => (
            <BoardCard
              key={task.id}
              task={task}
              timeZone={timeZone}
              takesFocus={task.id === focusId}
              onMove={onMove}
              onOpen={onOpen}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
