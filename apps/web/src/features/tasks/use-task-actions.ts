import type { TaskPriority } from '@taskapp/shared';
import { useRef, useState } from 'react';
import type { Task } from '../../lib/api-types';
import { useStableCallbacks } from '../../lib/use-stable-callbacks';
import { isCompleted, isOptimistic } from './data/task-model';
import {
  useBulkDeleteTasks,
  useBulkUpdateTasks,
  useDeleteTask,
  useUpdateTask,
} from './data/use-task-mutations';
import { useTaskKeyboard } from './keyboard/use-task-keyboard';
import type { FocusRequest } from './list/task-list';
import type { TaskRowActions } from './list/task-row';
import type { TaskSelection } from './list/use-task-selection';
import { announce } from './reorder/announce';
import type { ManualPlace } from './reorder/reorder-cache';
import { afterIdForStep, movingIds } from './reorder/reorder-plan';
import { useMoveKeys } from './reorder/use-move-keys';
import { useMoveTasks } from './reorder/use-move-tasks';
import { useParentCompletion } from './subtasks/use-parent-completion';
import { useSwipeActions } from './swipe/use-swipe-actions';
import type { TaskView } from './view/task-view';

interface TaskActionsInput {
  /** The loaded tasks, in list order. */
  tasks: Task[];
  selection: TaskSelection;
  view: TaskView;
  changeView: (patch: Partial<TaskView>) => void;
  /** The place whose manual order the list shows, when its rows may be moved (Alt+arrows). */
  manualPlace?: ManualPlace | null;
}

/**
 * What the task screen can do, by pointer and by keyboard: the active row (the one shortcuts act on),
 * single-task and bulk actions (a selection takes precedence), and the keys that trigger them.
 */
export function useTaskActions({ tasks, selection, view, changeView, manualPlace = null }: TaskActionsInput) {
  const update = useUpdateTask();
  const remove = useDeleteTask();
  const bulkUpdate = useBulkUpdateTasks();
  const bulkDelete = useBulkDeleteTasks();
  const moveTasks = useMoveTasks();

  const [activeId, setActiveId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const quickAddRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const active = tasks.find((task) => task.id === activeId && !isOptimistic(task));
  const selectedTasks = tasks.filter((task) => selection.selected.has(task.id));
  const hasSelection = selectedTasks.length > 0;

  const focusTask = (id: string) => {
    setActiveId(id);
    setFocusRequest({ id, seq: (focusRequest?.seq ?? 0) + 1 });
  };
  const move = (step: 1 | -1) => {
    const saved = tasks.filter((task) => !isOptimistic(task));
    const at = active ? saved.indexOf(active) : -1;
    const next = saved[at === -1 ? 0 : Math.min(Math.max(at + step, 0), saved.length - 1)];
    if (next) focusTask(next.id);
  };
  const parentCompletion = useParentCompletion({
    // Per call (mutate's own callbacks fire for the latest call only); a refusal is already reported.
    complete: (task, then) =>
      void update.mutateAsync({ task, patch: { status: 'completed' } }).then(then, () => undefined),
    completeSubtasks: (open) => bulkUpdate.mutate({ tasks: open, patch: { status: 'completed' } }),
  });
  const swipe = useSwipeActions((task) => void parentCompletion.request(task));
  const toggle = (task: Task) => {
    if (isCompleted(task)) update.mutate({ task, patch: { status: 'pending' } });
    else void parentCompletion.request(task);
  };
  const setPriority = (task: Task, value: TaskPriority) => {
    if (task.priority !== value) update.mutate({ task, patch: { priority: value } });
  };
  const deleteOne = (task: Task) => {
    // Keyboard focus moves to the row that takes the deleted one's place.
    if (document.activeElement?.closest('[data-testid="task-row"]')) {
      const at = tasks.indexOf(task);
      const neighbour = tasks[at + 1] ?? tasks[at - 1];
      if (neighbour) focusTask(neighbour.id);
    }
    remove.mutate(task);
  };
  const openEditor = (task: Task) => {
    setActiveId(task.id);
    changeView({ task: task.id });
  };

  /** The task with the rest of its selection, in list order (what a move takes along). */
  const withSelection = (task: Task) => {
    const saved = tasks.filter((candidate) => !isOptimistic(candidate));
    const ids = movingIds(
      saved.map((candidate) => candidate.id),
      selection.selected,
      task.id,
    );
    // A subtask (shown under its parent) is not among the list's tasks: it moves alone.
    const moving = selection.selected.has(task.id)
      ? saved.filter((candidate) => ids.includes(candidate.id))
      : [task];
    return { saved, ids, moving };
  };
  const stepMove = (step: 1 | -1) => {
    if (!manualPlace || !active) return;
    const { saved, ids, moving } = withSelection(active);
    const afterId = afterIdForStep(
      saved.map((task) => task.id),
      ids,
      step,
    );
    if (afterId === undefined) return;
    moveTasks.mutate({ tasks: moving, place: manualPlace, afterId });
    focusTask(active.id);
    const after = saved.find((task) => task.id === afterId);
    announce(`“${active.title}” moved ${after ? `after “${after.title}”` : 'to the top'}.`);
  };
  const moveToProject = (task: Task, projectId: string | null, name: string) => {
    const { moving } = withSelection(task);
    moveTasks.mutate({ tasks: moving, place: { projectId, parentId: null }, afterId: null });
    announce(`${moving.length === 1 ? `“${task.title}”` : `${moving.length} tasks`} moved to ${name}.`);
  };

  const bulk = {
    complete: () =>
      bulkUpdate.mutate({
        tasks: selectedTasks,
        patch: { status: selectedTasks.every(isCompleted) ? 'pending' : 'completed' },
      }),
    priority: (value: TaskPriority) =>
      bulkUpdate.mutate({ tasks: selectedTasks, patch: { priority: value } }),
    remove: () => {
      bulkDelete.mutate(selectedTasks);
      selection.clear();
    },
  };

  // Stable across renders, so the list's memoised rows do not all render again with every screen render.
  const row = useStableCallbacks<TaskRowActions>({
    onToggle: toggle,
    onDelete: deleteOne,
    onEdit: openEditor,
    onPriority: setPriority,
    onSelect: (task, { range }) => selection.toggle(task.id, { range }),
    onFocus: (task) => setActiveId(task.id),
    onMoveToProject: moveToProject,
    ...swipe,
  });

  useMoveKeys(stepMove, manualPlace !== null && view.task === undefined && !helpOpen);

  useTaskKeyboard(
    {
      focusQuickAdd: () => quickAddRef.current?.focus(),
      focusSearch: () => searchRef.current?.focus(),
      move,
      select: ({ range }) => (active ? selection.toggle(active.id, { range }) : undefined),
      selectAll: selection.selectAll,
      edit: () => (active ? openEditor(active) : undefined),
      complete: () => (hasSelection ? bulk.complete() : active ? toggle(active) : undefined),
      setPriority: (value) =>
        hasSelection ? bulk.priority(value) : active ? setPriority(active, value) : undefined,
      remove: () => (hasSelection ? bulk.remove() : active ? deleteOne(active) : undefined),
      clearSelection: () => {
        if (!hasSelection) return false;
        selection.clear();
        return true;
      },
      showHelp: () => setHelpOpen(true),
    },
    view.task === undefined && !helpOpen && parentCompletion.dialog.question === null,
  );

  return {
    quickAddRef,
    searchRef,
    helpOpen,
    setHelpOpen,
    activeId,
    focusRequest,
    /** After the edit panel closes, focus goes back to the row it was opened from. */
    refocusActive: () => (activeId ? focusTask(activeId) : undefined),
    selectedTasks,
    bulk,
    row,
    /** "Also complete its open subtasks?" */
    parentCompletion: parentCompletion.dialog,
  };
}
