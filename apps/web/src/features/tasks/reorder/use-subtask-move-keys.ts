import type { KeyboardEvent } from 'react';
import type { Task } from '../../../lib/api-types';
import { isOptimistic } from '../data/task-model';
import { announce } from './announce';
import { focusRowSoon } from './focus-row';
import { afterIdForStep } from './reorder-plan';
import { useMoveTasks } from './use-move-tasks';

/**
 * Alt+Up and Alt+Down on a focused subtask move it one place among its parent's subtasks. Handled on the
 * subtask list, which knows the siblings; the event goes no further, so the screen's own Alt keys (for
 * top-level rows) never see it.
 */
export function useSubtaskMoveKeys(parent: Task, subtasks: Task[]) {
  const move = useMoveTasks();
  return (event: KeyboardEvent<HTMLElement>) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    const target = event.target as HTMLElement;
    const task = subtasks.find((candidate) => candidate.id === target.dataset.taskId);
    if (!target.matches('[data-testid="task-row"]') || !task || isOptimistic(task)) return;
    event.preventDefault();
    event.stopPropagation();
    const ids = subtasks.filter((candidate) => !isOptimistic(candidate)).map((candidate) => candidate.id);
    const afterId = afterIdForStep(ids, [task.id], event.key === 'ArrowUp' ? -1 : 1);
    if (afterId === undefined) return;
    move.mutate({ tasks: [task], place: { projectId: parent.projectId, parentId: parent.id }, afterId });
    const after = subtasks.find((candidate) => candidate.id === afterId);
    announce(
      `“${task.title}” moved ${after ? `after “${after.title}”` : 'to the top'} in “${parent.title}”.`,
    );
    focusRowSoon(task.id);
  };
}
