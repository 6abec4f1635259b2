import { useDraggable } from '@dnd-kit/core';
import * as Menu from '@radix-ui/react-dropdown-menu';
import type { TaskStatus } from '@taskapp/shared';
import { ArrowRightLeft, GripVertical } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { MENU_CONTENT, MENU_ITEM } from '../../components/menu-styles';
import type { Task } from '../../lib/api-types';
import { dueLabel } from '../tasks/list/due-label';
import { STATUS_LABELS } from '../tasks/task-labels';
import type { CardData } from './board-announcements';
import { BOARD_COLUMNS } from './board-columns';

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

/** "Move to…": the same move as a drag, for anyone who would rather pick from a list. */
function MoveMenu({ task, onMove }: { task: Task; onMove: CardActions['onMove'] }) {
  const moved = useRef(false);
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        aria-label={`Move “${task.title}” to…`}
        title="Move to…"
        className="flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg data-[state=open]:bg-subtle max-sm:size-11"
      >
        <ArrowRightLeft aria-hidden="true" className="size-3.5" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          className={`${MENU_CONTENT} w-44`}
          // After a move the trigger is gone (the card is in another column); the card takes focus there.
          onCloseAutoFocus={(event) => {
            if (moved.current) event.preventDefault();
            moved.current = false;
          }}
        >
          <Menu.Label className="px-2 py-1 text-muted text-xs">Move to</Menu.Label>
          {BOARD_COLUMNS.filter((status) => status !== task.status).map((status) => (
            <Menu.Item
              key={status}
              className={MENU_ITEM}
              onSelect={() => {
                moved.current = true;
                onMove(task, status);
              }}
            >
              {STATUS_LABELS[status]}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
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
      className={`flex items-start gap-1 rounded-lg border border-line bg-surface p-1.5 shadow-sm ${isDragging ? 'opacity-40' : ''}`}
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
      <MoveMenu task={task} onMove={onMove} />
    </li>
  );
}
