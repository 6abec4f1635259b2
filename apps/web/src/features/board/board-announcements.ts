import type { Active, Announcements, Over, ScreenReaderInstructions } from '@dnd-kit/core';
import type { TaskStatus } from '@taskapp/shared';
import { STATUS_LABELS } from '../tasks/task-labels';
import { isColumn } from './board-columns';

/** What a dragged card carries, so announcements can name it. */
export interface CardData {
  title: string;
  status: TaskStatus;
}

export const boardInstructions: ScreenReaderInstructions = {
  draggable:
    'To move this task to another column, press Space, then the Left or Right arrow key, then Space again ' +
    'to drop it. Escape cancels. The Move to menu on each card does the same.',
};

const cardOf = (active: Active) => (active.data.current ?? { title: 'Task', status: 'pending' }) as CardData;
const columnName = (over: Over | null) => (over && isColumn(over.id) ? STATUS_LABELS[over.id] : null);

/** Screen-reader announcements in the board's words: the task's title and the column's name. */
export const boardAnnouncements: Announcements = {
  onDragStart({ active }) {
    const card = cardOf(active);
    return `Picked up “${card.title}” from ${STATUS_LABELS[card.status]}.`;
  },
  onDragOver({ active, over }) {
    const column = columnName(over);
    return column
      ? `“${cardOf(active).title}” is over ${column}.`
      : `“${cardOf(active).title}” is over no column.`;
  },
  onDragEnd({ active, over }) {
    const card = cardOf(active);
    const column = columnName(over);
    if (!column)
      return `“${card.title}” was dropped outside the columns and stays in ${STATUS_LABELS[card.status]}.`;
    return over?.id === card.status
      ? `“${card.title}” stays in ${column}.`
      : `“${card.title}” moved to ${column}.`;
  },
  onDragCancel({ active }) {
    const card = cardOf(active);
    return `Moving “${card.title}” was cancelled. It stays in ${STATUS_LABELS[card.status]}.`;
  },
};
