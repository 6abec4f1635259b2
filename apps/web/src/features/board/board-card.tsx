import { useDraggable } from '@dnd-kit/core';
import type { TaskStatus } from '@taskapp/shared';
import { GripVertical } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { Task } from '../../lib/api-types';
import { dueLabel } from '../tasks/list/due-label';
import type { CardData } from './board-announcements';
import { MoveToStatusMenu } from './move-to-status-menu';

export interface CardActions {
  /** From the Move to menu (drags end in the board's onDragEnd). */
  onMove: (task: Task, status: TaskStatus) => void;
  onOpen: (task: Task) => void;
}

interface CardProps extends CardActions {
  task: Task;
  timeZone: string;
  /** The card just moved by its menu: its handle takes the focus in its new column. */
  takesFocus: boolean;
}

/** What a card shows; also drawn under the pointer while it is dragged (then without `onOpen`). */
export function CardBody({
  task,
  timeZone,
  onOpen,
}: {
  task: Task;
  timeZone: string;
  onOpen?: (task: Task) => void;
}) {
  const completed = task.status === 'completed';
  const due = task.dueDate ? dueLabel(task.dueDate, { allDay: task.allDay, timeZone, completed }) : null;
  const title = completed ? 'text-muted line-through' : 'text-fg';
  return (
    <div className="min-w-0 flex-1 py-1">
      {onOpen ? (
        <button
          type="button"
          onClick={() => onOpen(task)}
          className={`block w-full break-words rounded-sm text-left hover:underline ${title}`}
        >
          {task.title}
        </button>
      ) : (
        <p className={`break-words ${title}`}>{task.title}</p>
      )}
      {due ? (
        <p className={`text-xs ${due.tone === 'overdue' && !completed ? 'text-danger' : 'text-muted'}`}>
          {due.text}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A task on the board. A mouse drags it from anywhere on the card; touch and the keyboard use its
 * handle (Space picks it up), so a finger on the card still scrolls the page.
 */
export function BoardCard({ task, timeZone, takesFocus, onMove, onOpen }: CardProps) {
  const data: CardData = { title: task.title, status: task.status };
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: task.id,
    data,
  });
  const handle = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (takesFocus) handle.current?.focus();
  }, [takesFocus]);
  return (
    <li
      ref={setNodeRef}
      data-testid="board-card"
      data-task-id={task.id}
      {...listeners}
      // Cards off screen (further down a column, or in a column scrolled out of view on a phone) are not
      // styled or laid out until they come near: a board of 30 cards drew 8 on a phone's first screen.
      className={`flex items-start gap-1 rounded-lg border border-line bg-surface p-1.5 shadow-sm [contain-intrinsic-size:auto_3.5rem] [content-visibility:auto] ${isDragging ? 'opacity-40' : ''}`}
    >
      <button
        type="button"
        ref={(node) => {
          handle.current = node;
          setActivatorNodeRef(node);
        }}
        {...attributes}
        aria-label={`Drag “${task.title}”`}
        className="flex size-7 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-faint hover:bg-subtle hover:text-fg max-sm:size-11"
      >
        <GripVertical aria-hidden="true" className="size-4" />
      </button>
      <CardBody task={task} timeZone={timeZone} onOpen={onOpen} />
      <MoveToStatusMenu task={task} onMove={onMove} />
    </li>
  );
}
