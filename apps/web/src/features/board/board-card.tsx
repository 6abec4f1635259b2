import { useDraggable } from '@dnd-kit/core';
import * as Menu from '@radix-ui/react-dropdown-menu';
import type { TaskStatus } from '@taskapp/shared';
import { ArrowRightLeft, GripVertical } from 'lucide-react';
import { MENU_CONTENT, MENU_ITEM } from '../../components/menu-styles';
import type { Task } from '../../lib/api-types';
import { dueLabel } from '../tasks/list/due-label';
import { STATUS_LABELS } from '../tasks/task-labels';
import type { CardData } from './board-announcements';
import { BOARD_COLUMNS } from './board-columns';

interface CardProps {
  task: Task;
  timeZone: string;
  onMove: (task: Task, status: TaskStatus) => void;
}

/** "Move to…": the same move as a drag, for anyone who would rather pick from a list. */
function MoveMenu({ task, onMove }: Omit<CardProps, 'timeZone'>) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        aria-label={`Move “${task.title}” to…`}
        title="Move to…"
        className="flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg data-[state=open]:bg-subtle"
      >
        <ArrowRightLeft aria-hidden="true" className="size-3.5" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={4} collisionPadding={8} className={`${MENU_CONTENT} w-44`}>
          <Menu.Label className="px-2 py-1 text-muted text-xs">Move to</Menu.Label>
          {BOARD_COLUMNS.filter((status) => status !== task.status).map((status) => (
            <Menu.Item key={status} className={MENU_ITEM} onSelect={() => onMove(task, status)}>
              {STATUS_LABELS[status]}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

/** What a card shows; also drawn under the pointer while it is dragged. */
export function CardBody({ task, timeZone }: Omit<CardProps, 'onMove'>) {
  const due = task.dueDate
    ? dueLabel(task.dueDate, { allDay: task.allDay, timeZone, completed: task.status === 'completed' })
    : null;
  return (
    <div className="min-w-0 flex-1 py-1">
      <p className={`break-words ${task.status === 'completed' ? 'text-muted line-through' : 'text-fg'}`}>
        {task.title}
      </p>
      {due ? (
        <p className={`text-xs ${due.tone === 'overdue' ? 'text-danger' : 'text-muted'}`}>{due.text}</p>
      ) : null}
    </div>
  );
}

/** A task on the board: drag it anywhere by pointer, or pick it up by its handle with Space. */
export function BoardCard({ task, timeZone, onMove }: CardProps) {
  const data: CardData = { title: task.title, status: task.status };
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: task.id,
    data,
  });
  return (
    <li
      ref={setNodeRef}
      data-testid="board-card"
      data-task-id={task.id}
      {...listeners}
      className={`flex touch-none items-start gap-1 rounded-lg border border-line bg-surface p-1.5 shadow-sm ${isDragging ? 'opacity-40' : ''}`}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        aria-label={`Drag “${task.title}”`}
        className="flex size-7 shrink-0 cursor-grab items-center justify-center rounded-md text-faint hover:bg-subtle hover:text-fg"
      >
        <GripVertical aria-hidden="true" className="size-4" />
      </button>
      <CardBody task={task} timeZone={timeZone} />
      <MoveMenu task={task} onMove={onMove} />
    </li>
  );
}
