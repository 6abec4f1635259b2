import type { TaskPriority } from '@taskapp/shared';
import { Check, Trash2 } from 'lucide-react';
import type { MouseEvent } from 'react';
import type { Task } from '../../../lib/api-types';
import { useCurrentPlace } from '../../navigation/place-context';
import { MoveToProjectMenu } from '../reorder/move-to-project-menu';
import { type SwipeActions, SwipeRow } from '../swipe/swipe-row';
import { dueLabel } from './due-label';
import { PriorityMenu } from './priority-menu';
import { useRowData } from './row-data';
import { StatusControl } from './status-control';
import { hasMeta, TaskMeta } from './task-meta';

const DUE_TONES = {
  overdue: 'text-danger',
  today: 'text-accent-text font-medium',
  normal: 'text-muted',
} as const;

export interface TaskRowActions {
  onToggle: (task: Task) => void;
  onDelete: (task: Task) => void;
  onEdit: (task: Task) => void;
  onPriority: (task: Task, priority: TaskPriority) => void;
  /** `range`: shift-click, selecting everything from the last selected task. */
  onSelect: (task: Task, options: { range: boolean }) => void;
  onFocus: (task: Task) => void;
  /** A finger's swipe right (complete, with Undo) and the Schedule action its swipe left shows. */
  onSwipeComplete?: SwipeActions['onSwipeComplete'];
  onSchedule?: SwipeActions['onSchedule'];
  /** "Move to project…" in the row (a selected row takes its selection along). */
  onMoveToProject?: (task: Task, projectId: string | null, name: string) => void;
}

interface TaskRowProps extends TaskRowActions {
  task: Task;
  /** Its subtasks are shown below it. */
  expanded?: boolean;
  onToggleSubtasks?: (task: Task) => void;
  /** Tasks not yet saved show at once but take no actions until they have a real id. */
  pending: boolean;
  /** The row keyboard focus returns to (roving tab stop): one per list. */
  tabStop: boolean;
  selected: boolean;
  /** While anything is selected every row shows its checkbox. */
  selecting: boolean;
}

function SelectBox({
  selected,
  visible,
  title,
  onClick,
}: {
  selected: boolean;
  visible: boolean;
  title: string;
  onClick: (event: MouseEvent) => void;
}) {
  return (
    <span
      className={`-ml-1 relative flex size-6 shrink-0 items-center justify-center transition-opacity max-sm:size-11 ${
        visible
          ? ''
          : // Touch screens have no hover: the box stays away until a selection starts (Select all).
            'group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:hover)]:opacity-0 [@media(hover:none)]:hidden'
      }`}
    >
      {/* Controlled: the click handler decides (a shift-click selects a range), React keeps `checked`. */}
      <input
        type="checkbox"
        checked={selected}
        readOnly
        tabIndex={-1}
        aria-label={`Select: ${title}`}
        title="Select (X), Shift-click for a range"
        onClick={onClick}
        className="peer absolute inset-0 size-full cursor-pointer appearance-none rounded-md"
      />
      <span
        aria-hidden="true"
        className={`pointer-events-none flex size-4 items-center justify-center rounded-sm border ${
          selected ? 'border-accent bg-accent text-accent-fg' : 'border-line-strong bg-surface'
        }`}
      >
        {selected ? <Check className="size-3" strokeWidth={3} /> : null}
      </span>
    </span>
  );
}

export function TaskRow({
  task,
  pending,
  tabStop,
  selected,
  selecting,
  expanded = false,
  onToggleSubtasks,
  ...actions
}: TaskRowProps) {
  const completed = task.status === 'completed';
  const place = useCurrentPlace();
  // On a phone the row builds only what it shows: its hover and wide-screen controls were a good share of
  // the first list's work, for elements the CSS then hid.
  const { timeZone, touch, narrow } = useRowData();
  // Upcoming's day headings already name an all-day task's day.
  const showsDue = task.dueDate && !(task.allDay && place.kind === 'upcoming');
  const due =
    task.dueDate && showsDue ? dueLabel(task.dueDate, { allDay: task.allDay, completed, timeZone }) : null;

  const row = (
    // biome-ignore lint/a11y/noStaticElementInteractions: focus marks the row the shortcuts act on; it is no click target
    <div
      tabIndex={pending ? -1 : tabStop ? 0 : -1}
      data-testid="task-row"
      data-task-id={task.id}
      data-selected={selected || undefined}
      onFocus={(event) => {
        if (!pending && event.target === event.currentTarget) actions.onFocus(task);
      }}
      className={`group flex min-h-11 items-center gap-2 border-line border-b px-3 py-1 outline-offset-[-2px] sm:gap-3 ${
        // A light tint and a bar: stronger tints would take muted and red text below contrast minimums.
        selected
          ? 'bg-accent-soft/40 shadow-[inset_3px_0_0_var(--color-accent)]'
          : 'hover:bg-subtle/60 focus-visible:bg-subtle/60'
      }`}
    >
      {touch && !selecting ? null : (
        <SelectBox
          selected={selected}
          visible={selecting}
          title={task.title}
          onClick={(event) => {
            if (!pending) actions.onSelect(task, { range: event.shiftKey });
          }}
        />
      )}
      <StatusControl
        status={task.status}
        title={task.title}
        disabled={pending}
        onToggle={() => actions.onToggle(task)}
      />
      {/* On a phone the due date goes under the title, so the title keeps the row's width. */}
      <span className="flex min-w-0 flex-1 max-sm:flex-col sm:items-center sm:gap-3">
        <span className="flex min-w-0 flex-1 flex-col">
          <button
            type="button"
            tabIndex={-1}
            disabled={pending}
            onClick={(event) => {
              if (event.shiftKey || event.metaKey || event.ctrlKey)
                actions.onSelect(task, { range: event.shiftKey });
              else actions.onEdit(task);
            }}
            title="Edit (E)"
            // Two lines on a phone, where a title cut to one line says too little; one on wider screens.
            className={`line-clamp-2 min-w-0 break-words text-left sm:line-clamp-1 ${completed ? 'text-faint line-through decoration-faint' : ''}`}
            data-testid="task-title"
          >
            {task.title}
          </button>
          {hasMeta(task, place) ? (
            <TaskMeta task={task} expanded={expanded} onToggleSubtasks={() => onToggleSubtasks?.(task)} />
          ) : null}
        </span>
        {due ? (
          <span
            className={`shrink-0 tabular-nums max-sm:text-xs sm:text-sm ${DUE_TONES[due.tone]}`}
            data-testid="task-due"
          >
            <span className="sr-only">{due.tone === 'overdue' ? 'Overdue, due ' : 'Due '}</span>
            {due.text}
          </span>
        ) : null}
      </span>
      {touch && task.priority === 'medium' ? null : (
        <PriorityMenu
          priority={task.priority}
          title={task.title}
          disabled={pending}
          onChange={(priority) => actions.onPriority(task, priority)}
        />
      )}
      {!narrow && actions.onMoveToProject ? (
        <MoveToProjectMenu task={task} disabled={pending} onMove={actions.onMoveToProject} />
      ) : null}
      {narrow ? null : (
        <button
          type="button"
          aria-label={`Delete: ${task.title}`}
          title="Delete (Del)"
          disabled={pending}
          onClick={() => actions.onDelete(task)}
          className="-mr-1.5 flex size-7 shrink-0 items-center justify-center rounded-md text-faint transition-colors hover:bg-subtle hover:text-danger focus-visible:opacity-100 group-focus-within:opacity-100 group-hover:opacity-100 disabled:invisible max-sm:hidden [@media(hover:hover)]:opacity-0"
        >
          <Trash2 aria-hidden="true" className="size-4" />
        </button>
      )}
    </div>
  );
  const { onSwipeComplete, onSchedule } = actions;
  if (!onSwipeComplete || !onSchedule) return row;
  return (
    <SwipeRow task={task} enabled={!pending} actions={{ ...actions, onSwipeComplete, onSchedule }}>
      {row}
    </SwipeRow>
  );
}
