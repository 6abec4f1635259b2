import type { TaskPriority } from '@taskapp/shared';
import { CheckSquare } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Task } from '../../lib/api-types';
import { errorMessage } from '../../lib/trpc-errors';
import { BulkBar } from './bulk-bar';
import { QuickAdd } from './quick-add';
import { ShortcutsDialog } from './shortcuts-dialog';
import { StatusTabs, TASK_PANEL_ID, tabId } from './status-tabs';
import { type FocusRequest, TaskList } from './task-list';
import { TaskListEmpty, TaskListError, TaskListSkeleton } from './task-list-states';
import { isOptimistic } from './task-model';
import { TaskPanel } from './task-panel';
import { useTaskChangesFromOtherTabs } from './task-sync';
import { TaskToolbar } from './task-toolbar';
import { isFiltered, listInputFor } from './task-view';
import { useTaskKeyboard } from './use-task-keyboard';
import { useBulkDeleteTasks, useBulkUpdateTasks, useDeleteTask, useUpdateTask } from './use-task-mutations';
import { useTaskList, useTaskStats } from './use-task-queries';
import { useTaskSelection } from './use-task-selection';
import { useTaskView } from './use-task-view';

const isCompleted = (task: Task) => task.status === 'completed';

/**
 * The home screen: quick add, search and filters, status tabs with live counts, the list, and the edit
 * panel. This component wires them together; each part lives in its own file.
 */
export function TaskScreen() {
  const [view, changeView] = useTaskView();
  const { status, priority, due, q, sort, order } = view;
  const input = useMemo(
    () => listInputFor({ status, priority, due, q, sort, order }),
    [status, priority, due, q, sort, order],
  );
  const stats = useTaskStats();
  const query = useTaskList(input);
  const tasks = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const savedIds = useMemo(() => tasks.filter((task) => !isOptimistic(task)).map((task) => task.id), [tasks]);
  const selection = useTaskSelection(savedIds);
  const selectedTasks = tasks.filter((task) => selection.selected.has(task.id));
  useTaskChangesFromOtherTabs();

  const update = useUpdateTask();
  const remove = useDeleteTask();
  const bulkUpdate = useBulkUpdateTasks();
  const bulkDelete = useBulkDeleteTasks();

  const [activeId, setActiveId] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const quickAddRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const active = tasks.find((task) => task.id === activeId && !isOptimistic(task));

  // A selection belongs to the list it was made in.
  const clearSelection = selection.clear;
  useEffect(() => clearSelection(), [input, clearSelection]);

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
  const toggle = (task: Task) =>
    update.mutate({ task, patch: { status: isCompleted(task) ? 'pending' : 'completed' } });
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
  const hasSelection = selectedTasks.length > 0;

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
    view.task === undefined && !helpOpen,
  );

  const tab = status ?? 'all';
  const listed = tasks.find((task) => task.id === view.task);

  return (
    <>
      <QuickAdd inputRef={quickAddRef} />
      {hasSelection ? (
        <BulkBar
          count={selectedTasks.length}
          allCompleted={selectedTasks.every(isCompleted)}
          canSelectMore={selectedTasks.length < savedIds.length}
          onSelectAll={selection.selectAll}
          onComplete={bulk.complete}
          onPriority={bulk.priority}
          onDelete={bulk.remove}
          onClear={selection.clear}
        />
      ) : (
        <div className="flex items-center gap-1.5">
          <TaskToolbar view={view} onChange={changeView} searchRef={searchRef} />
          <button
            type="button"
            onClick={selection.selectAll}
            disabled={savedIds.length === 0}
            aria-label="Select all tasks in view"
            title="Select all (Ctrl+A)"
            className="ml-auto flex size-8 shrink-0 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg disabled:opacity-40"
          >
            <CheckSquare aria-hidden="true" className="size-4" />
          </button>
        </div>
      )}
      <StatusTabs
        value={tab}
        stats={stats.data}
        onChange={(next) => changeView({ status: next === 'all' ? undefined : next })}
      />
      <div
        id={TASK_PANEL_ID}
        role="tabpanel"
        aria-labelledby={tabId(tab)}
        aria-busy={query.isPlaceholderData || undefined}
        className={`pt-3 transition-opacity ${query.isPlaceholderData ? 'opacity-60' : ''}`}
      >
        {query.isPending ? (
          <TaskListSkeleton />
        ) : query.isError && tasks.length === 0 ? (
          <TaskListError message={errorMessage(query.error)} onRetry={() => void query.refetch()} />
        ) : tasks.length === 0 ? (
          <TaskListEmpty
            tab={tab}
            filtered={isFiltered(view)}
            onClearFilters={() => changeView({ priority: undefined, due: undefined, q: undefined })}
          />
        ) : (
          <TaskList
            tasks={tasks}
            hasNextPage={query.hasNextPage}
            isFetchingNextPage={query.isFetchingNextPage}
            fetchNextPage={query.fetchNextPage}
            activeId={activeId}
            selected={selection.selected}
            focusRequest={focusRequest}
            onToggle={toggle}
            onDelete={deleteOne}
            onEdit={openEditor}
            onPriority={setPriority}
            onSelect={(task, { range }) => selection.toggle(task.id, { range })}
            onFocus={(task) => setActiveId(task.id)}
          />
        )}
      </div>
      <TaskPanel
        taskId={view.task}
        listed={listed}
        onClose={() => changeView({ task: undefined }, { replace: true })}
        onClosed={() => (activeId ? focusTask(activeId) : undefined)}
      />
      <ShortcutsDialog open={helpOpen} onOpenChange={setHelpOpen} />
    </>
  );
}
