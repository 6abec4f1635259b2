import { Flag, Trash2 } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import type { Task } from '../../lib/api-types';
import { dueLabel } from './due-label';
import { StatusControl } from './status-control';

const DUE_TONES = {
  overdue: 'text-danger',
  today: 'text-accent-text font-medium',
  normal: 'text-muted',
} as const;

function PriorityFlag({ priority }: { priority: Task['priority'] }) {
  if (priority === 'medium') return null;
  const label = priority === 'high' ? 'High priority' : 'Low priority';
  return (
    <span title={label} className={priority === 'high' ? 'text-warning' : 'text-faint'}>
      <Flag aria-hidden="true" className="size-3.5" fill={priority === 'high' ? 'currentColor' : 'none'} />
      <span className="sr-only">{label}</span>
    </span>
  );
}

interface TaskRowProps {
  task: Task;
  /** Tasks not yet saved show at once but take no actions until they have a real id. */
  pending: boolean;
  onToggle: (task: Task) => void;
  onDelete: (task: Task) => void;
}

export function TaskRow({ task, pending, onToggle, onDelete }: TaskRowProps) {
  const completed = task.status === 'completed';
  const due = task.dueDate ? dueLabel(task.dueDate, new Date(), completed) : null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Only the row itself: Delete inside a control (or a future inline editor) keeps its meaning there.
    if (pending || event.target !== event.currentTarget) return;
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onDelete(task);
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys act on the focused row; it is no click target
    <div
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a focusable row is where row shortcuts (Delete) act
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="task-row"
      className="group flex h-11 items-center gap-3 border-line border-b px-3 outline-offset-[-2px] hover:bg-subtle/60 focus-visible:bg-subtle/60"
    >
      <StatusControl
        status={task.status}
        title={task.title}
        disabled={pending}
        onToggle={() => onToggle(task)}
      />
      <span
        className={`min-w-0 flex-1 truncate ${completed ? 'text-faint line-through decoration-faint' : ''}`}
        data-testid="task-title"
      >
        {task.title}
      </span>
      {due ? (
        <span className={`shrink-0 text-sm tabular-nums ${DUE_TONES[due.tone]}`} data-testid="task-due">
          <span className="sr-only">{due.tone === 'overdue' ? 'Overdue, due ' : 'Due '}</span>
          {due.day}
          {due.time ? <span className="hidden sm:inline"> {due.time}</span> : null}
        </span>
      ) : null}
      <PriorityFlag priority={task.priority} />
      <button
        type="button"
        aria-label={`Delete: ${task.title}`}
        title="Delete (Del)"
        disabled={pending}
        onClick={() => onDelete(task)}
        className="-mr-1.5 flex size-7 shrink-0 items-center justify-center rounded-md text-faint transition-colors hover:bg-subtle hover:text-danger focus-visible:opacity-100 group-focus-within:opacity-100 group-hover:opacity-100 disabled:invisible [@media(hover:hover)]:opacity-0"
      >
        <Trash2 aria-hidden="true" className="size-4" />
      </button>
    </div>
  );
}
