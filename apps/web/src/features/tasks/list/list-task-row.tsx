import { memo } from 'react';
import type { Task } from '../../../lib/api-types';
import { isOptimistic } from '../data/task-model';
import { TaskRow, type TaskRowActions } from './task-row';

/** What a task list hands each of its rows (and its subtask lists): which are expanded and selected. */
export interface ListRowsProps extends TaskRowActions {
  expanded: ReadonlySet<string>;
  onToggleSubtasks: (task: Task) => void;
  selected: ReadonlySet<string>;
}

/** The row Tab enters the list at: the active task while it is shown, else the first. */
export function tabStopOf(tasks: Task[], activeId: string | null): string | undefined {
  return activeId && tasks.some((task) => task.id === activeId) ? activeId : tasks[0]?.id;
}

/**
 * A task row in a list (top level, a day of Upcoming, or subtasks), its state read from the list's.
 * Memoised: the virtual list renders again as it measures rows and scrolls, and rows whose task and
 * state are unchanged need not.
 */
export const ListTaskRow = memo(function ListTaskRow({
  task,
  tabStop,
  expanded,
  selected,
  ...actions
}: ListRowsProps & { task: Task; tabStop: boolean }) {
  return (
    <TaskRow
      task={task}
      pending={isOptimistic(task)}
      tabStop={tabStop}
      selected={selected.has(task.id)}
      selecting={selected.size > 0}
      expanded={expanded.has(task.id)}
      {...actions}
    />
  );
});
