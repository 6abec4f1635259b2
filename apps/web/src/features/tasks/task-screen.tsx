import { CheckSquare } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { errorMessage } from '../../lib/trpc-errors';
import { useDaySettings } from '../account/use-settings';
import { isCompleted, isOptimistic } from './data/task-model';
import { useTaskChangesFromOtherTabs } from './data/task-sync';
import { useTaskList, useTaskStats } from './data/use-task-queries';
import { TaskPanel } from './edit/task-panel';
import { ShortcutsDialog } from './keyboard/shortcuts-dialog';
import { BulkBar } from './list/bulk-bar';
import { TaskList } from './list/task-list';
import { TaskListEmpty, TaskListError, TaskListSkeleton } from './list/task-list-states';
import { useTaskSelection } from './list/use-task-selection';
import { QuickAdd } from './quick-add/quick-add';
import { useTaskActions } from './use-task-actions';
import { StatusTabs, TASK_PANEL_ID, tabId } from './view/status-tabs';
import { TaskToolbar } from './view/task-toolbar';
import { isFiltered, listInputFor } from './view/task-view';
import { useTaskView } from './view/use-task-view';

/**
 * The home screen: quick add, search and filters, status tabs with live counts, the list, and the edit
 * panel. This component lays them out; each part lives in its own file, the actions in useTaskActions.
 */
export function TaskScreen() {
  const [view, changeView] = useTaskView();
  const { status, priority, due, q, sort, order } = view;
  const { timeZone, weekStart } = useDaySettings();
  const input = useMemo(
    () => listInputFor({ status, priority, due, q, sort, order }, { timeZone, weekStart }),
    [status, priority, due, q, sort, order, timeZone, weekStart],
  );
  const stats = useTaskStats();
  const query = useTaskList(input);
  const tasks = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const savedIds = useMemo(() => tasks.filter((task) => !isOptimistic(task)).map((task) => task.id), [tasks]);
  const selection = useTaskSelection(savedIds);
  useTaskChangesFromOtherTabs();

  // A selection belongs to the list it was made in.
  const clearSelection = selection.clear;
  useEffect(() => clearSelection(), [input, clearSelection]);

  const actions = useTaskActions({ tasks, selection, view, changeView });
  const { selectedTasks } = actions;
  const tab = status ?? 'all';
  const listed = tasks.find((task) => task.id === view.task);

  return (
    <>
      <QuickAdd inputRef={actions.quickAddRef} />
      {selectedTasks.length > 0 ? (
        <BulkBar
          count={selectedTasks.length}
          allCompleted={selectedTasks.every(isCompleted)}
          canSelectMore={selectedTasks.length < savedIds.length}
          onSelectAll={selection.selectAll}
          onComplete={actions.bulk.complete}
          onPriority={actions.bulk.priority}
          onDelete={actions.bulk.remove}
          onClear={selection.clear}
        />
      ) : (
        <div className="flex items-center gap-1.5">
          <TaskToolbar view={view} onChange={changeView} searchRef={actions.searchRef} />
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
            activeId={actions.activeId}
            selected={selection.selected}
            focusRequest={actions.focusRequest}
            {...actions.row}
          />
        )}
      </div>
      <TaskPanel
        taskId={view.task}
        listed={listed}
        onClose={() => changeView({ task: undefined }, { replace: true })}
        onClosed={actions.refocusActive}
      />
      <ShortcutsDialog open={actions.helpOpen} onOpenChange={actions.setHelpOpen} />
    </>
  );
}
