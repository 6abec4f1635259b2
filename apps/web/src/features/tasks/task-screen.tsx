import { CheckSquare, Plus } from 'lucide-react';
import {
  type ReactNode,
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useState,
} from 'react';
import type { Task } from '../../lib/api-types';
import { preloadIdleModules } from '../../lib/idle-modules';
import { onServer } from '../../lib/server-render';
import { errorCode, errorMessage } from '../../lib/trpc-errors';
import { SM_UP, useMediaQuery } from '../../lib/use-media-query';
import { whenIdle } from '../../lib/when-idle';
import { takeOverPrerenderedPage } from '../../prerender/take-over';
import { useDaySettings } from '../account/use-settings';
import { forgetPlace, rememberPlace } from '../navigation/last-place';
import { type Place, placePath } from '../navigation/place';
import { PlaceContext } from '../navigation/place-context';
import { isCompleted, isOptimistic } from './data/task-model';
import { useTaskChangesFromOtherTabs } from './data/task-sync';
import { useTaskList } from './data/use-task-queries';
import { LazyTaskPanel, preloadTaskPanel } from './edit/lazy-task-panel';
import { ShortcutsDialog } from './keyboard/shortcuts-dialog';
import { BulkBar } from './list/bulk-bar';
import { PlaceEmpty, PlaceMissing } from './list/place-empty';
import { RowDataProvider } from './list/row-data';
import { TaskList } from './list/task-list';
import { TaskListEmpty, TaskListError, TaskListSkeleton } from './list/task-list-states';
import { useTaskSelection } from './list/use-task-selection';
import { QuickAdd } from './quick-add/quick-add';
import { LazySortableTaskList, preloadSortableTaskList } from './reorder/lazy-sortable-task-list';
import { manualPlaceOf } from './reorder/manual-place';
import { CompleteParentDialog } from './subtasks/complete-parent-dialog';
import { UpcomingList } from './upcoming/upcoming-list';
import { useTaskActions } from './use-task-actions';
import { PlaceHeader } from './view/place-header';
import { placeCompletedInput, placeListInput } from './view/place-input';
import { AllTasksTabs, TASK_PANEL_ID, tabId } from './view/status-tabs';
import { TaskToolbar } from './view/task-toolbar';
import { isFiltered } from './view/task-view';
import { useTaskView } from './view/use-task-view';

const NO_TASKS: Task[] = [];
/** After the first list, the edit panel's code loads this much later (when idle), unless a row is used first. */
const PANEL_PRELOAD_DELAY_MS = 3_000;

function useExpandedSubtasks() {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (task: Task) =>
      setExpanded((was) => {
        const next = new Set(was);
        if (!next.delete(task.id)) next.add(task.id);
        return next;
      }),
    [],
  );
  return [expanded, toggle] as const;
}

interface TaskScreenProps {
  place: Place;
  title: string;
  icon?: ReactNode;
  /** Beside the title: a project's List | Board switch. */
  headerActions?: ReactNode;
  /** Shown instead of the list and its filters (a project's board). */
  board?: ReactNode;
}

/**
 * One place's tasks: its bar, quick add, search and filters, the list (by day for Upcoming), and the
 * edit panel. This component lays them out; each part lives in its own file, the actions in
 * useTaskActions. On a phone the list comes first: quick add opens from the + button, the filters
 * from one bar button.
 */
export function TaskScreen({ place, title, icon, headerActions, board }: TaskScreenProps) {
  const path = placePath(place);
  const [view, changeView] = useTaskView();
  const { status, priority, due, q, sort, order, showCompleted } = view;
  const { timeZone, weekStart } = useDaySettings();
  const [input, completedInput] = useMemo(() => {
    const listed = { status, priority, due, q, sort, order, showCompleted };
    return [
      placeListInput(place, listed, { timeZone, weekStart }),
      placeCompletedInput(place, listed, { timeZone, weekStart }),
    ];
  }, [path, status, priority, due, q, sort, order, showCompleted, timeZone, weekStart]);
  // A board reads its own tasks; the list, and the keys that act on its rows, rest meanwhile.
  const listShown = board === undefined;
  const query = useTaskList(input, { enabled: listShown });
  const completedQuery = useTaskList(completedInput ?? {}, { enabled: listShown && completedInput !== null });
  const tasks = useMemo(
    () =>
      listShown
        ? [
            ...(query.data?.pages.flatMap((page) => page.items) ?? []),
            ...(completedInput ? (completedQuery.data?.pages.flatMap((page) => page.items) ?? []) : []),
          ]
        : [],
    [listShown, query.data, completedQuery.data, completedInput],
  );
  // The first list is the screen's biggest render, and query results reach React as urgent (synchronous)
  // updates. So until it has been shown, the list renders from deferred copies: React commits the rest of
  // the screen first, then renders the rows in a background pass it interrupts every few milliseconds
  // (no long task, input stays answered). After that, changes (an optimistic row) show at once, as before.
  const deferredTasks = useDeferredValue(tasks, NO_TASKS);
  const deferredPending = useDeferredValue(query.isPending, true);
  // The server draws the list at once: it has no background render to come back for.
  const [firstListShown, setFirstListShown] = useState(onServer);
  useEffect(() => {
    // A board reads its own tasks: the list's query rests (pending) and has nothing to wait for.
    if (deferredPending && listShown) return;
    // Nothing on screen changes (the rows shown are these tasks already): a background render will do.
    startTransition(() => setFirstListShown(true));
    // Opening a task should not wait for the editor's code to download, nor should the first list wait for
    // it: it is fetched once the page has settled (run on first use), or on the first sign of interest in a
    // row (below), which runs it too.
    const timer = setTimeout(
      () => whenIdle(() => preloadIdleModules() || preloadTaskPanel()),
      PANEL_PRELOAD_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [deferredPending, listShown]);
  const shownTasks = firstListShown ? tasks : deferredTasks;
  const listPending = firstListShown ? query.isPending : deferredPending;
  // A screen the server drew (decision 020) gives way to the app's in the commit that first shows the
  // list (a board, which reads its own tasks, once it is built): both on the page for no longer than that.
  const listDrawn = listShown ? !listPending : firstListShown;
  useEffect(() => {
    if (listDrawn) takeOverPrerenderedPage();
  }, [listDrawn]);
  const savedIds = useMemo(() => tasks.filter((task) => !isOptimistic(task)).map((task) => task.id), [tasks]);
  const selection = useTaskSelection(savedIds);
  const [expanded, toggleSubtasks] = useExpandedSubtasks();
  const [controlsOpen, setControlsOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  // On a phone, quick add and the filters are folded away until asked for: they are not built until then
  // (their menus and parser were a good part of the first list's render on a phone).
  const roomy = useMediaQuery(SM_UP);
  useTaskChangesFromOtherTabs();

  useEffect(() => rememberPlace(place), [path]);

  // Upcoming shows whole days, so it reads all of them (seven days of tasks, a page or two).
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (place.kind === 'upcoming' && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [place.kind, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // A selection belongs to the list it was made in.
  const clearSelection = selection.clear;
  useEffect(() => clearSelection(), [input, clearSelection]);

  // Rows move by drag and Alt+arrows only where the list shows a place's manual order as it is.
  const manualPlace = manualPlaceOf(place, input);
  // The drag code, fetched beside the list rather than after it: see lazy-sortable-task-list.tsx.
  if (manualPlace && listShown) preloadSortableTaskList();
  const actions = useTaskActions({ tasks, selection, view, changeView, manualPlace });
  const { selectedTasks } = actions;
  const tab = status ?? 'all';
  const listed = tasks.find((task) => task.id === view.task);
  const filtered = isFiltered(view);
  const isAll = place.kind === 'all';
  const hidesCompleted = !isAll && place.kind !== 'completed';

  // Someone else's or a deleted project or label: say so, and stop opening it at `/`.
  const missing =
    (place.kind === 'project' || place.kind === 'label') && errorCode(query.error) === 'NOT_FOUND';
  useEffect(() => {
    if (missing) forgetPlace(place);
  }, [missing, place]);

  const openQuickAdd = () => {
    setAdding(true);
    // After the field is shown on a phone.
    requestAnimationFrame(() => actions.quickAddRef.current?.focus());
  };

  // What the plain list and the sortable (manual-order) list both show.
  const listProps = {
    tasks: shownTasks,
    hasNextPage: query.hasNextPage,
    isFetchingNextPage: query.isFetchingNextPage,
    fetchNextPage: query.fetchNextPage,
    activeId: actions.activeId,
    selected: selection.selected,
    focusRequest: actions.focusRequest,
    expanded,
    onToggleSubtasks: toggleSubtasks,
    ...actions.row,
  };

  const list = board ? (
    board
  ) : listPending ? (
    <TaskListSkeleton />
  ) : missing ? (
    <PlaceMissing place={place} />
  ) : query.isError && shownTasks.length === 0 ? (
    <TaskListError message={errorMessage(query.error)} onRetry={() => void query.refetch()} />
  ) : place.kind === 'upcoming' ? (
    <UpcomingList
      tasks={shownTasks}
      timeZone={timeZone}
      activeId={actions.activeId}
      focusRequest={actions.focusRequest}
      selected={selection.selected}
      expanded={expanded}
      onToggleSubtasks={toggleSubtasks}
      {...actions.row}
    />
  ) : shownTasks.length === 0 ? (
    isAll || filtered ? (
      <TaskListEmpty
        tab={tab}
        filtered={filtered}
        onClearFilters={() => changeView({ priority: undefined, due: undefined, q: undefined })}
      />
    ) : (
      <PlaceEmpty place={place} />
    )
  ) : manualPlace ? (
    <LazySortableTaskList place={manualPlace} placeName={title} {...listProps} />
  ) : (
    <TaskList {...listProps} />
  );

  return (
    <PlaceContext.Provider value={place}>
      <title>{`${title} · Taskapp`}</title>
      <PlaceHeader
        title={title}
        icon={icon}
        showCompleted={
          hidesCompleted && !board
            ? { on: showCompleted === true, onChange: (on) => changeView({ showCompleted: on || undefined }) }
            : undefined
        }
        actions={headerActions}
        controls={{ open: controlsOpen, onToggle: () => setControlsOpen((open) => !open), active: filtered }}
      />
      <div className={adding ? '' : 'max-sm:hidden'}>
        {roomy || adding ? <QuickAdd inputRef={actions.quickAddRef} /> : null}
      </div>
      {board ? null : selectedTasks.length > 0 ? (
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
        <div
          id="task-controls"
          className={`items-center gap-1.5 ${controlsOpen || filtered ? 'flex' : 'flex max-sm:hidden'}`}
        >
          {roomy || controlsOpen || filtered ? (
            <TaskToolbar place={place} view={view} onChange={changeView} searchRef={actions.searchRef} />
          ) : null}
          <button
            type="button"
            onClick={selection.selectAll}
            disabled={savedIds.length === 0}
            aria-label="Select all tasks in view"
            title="Select all (Ctrl+A)"
            className="ml-auto flex size-8 shrink-0 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg disabled:opacity-40 max-sm:size-11"
          >
            <CheckSquare aria-hidden="true" className="size-4" />
          </button>
        </div>
      )}
      {isAll ? (
        <AllTasksTabs
          value={tab}
          onChange={(next) => changeView({ status: next === 'all' ? undefined : next })}
        />
      ) : null}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the handlers only fetch code; the rows are the controls. */}
      <div
        {...(isAll ? { id: TASK_PANEL_ID, role: 'tabpanel', 'aria-labelledby': tabId(tab) } : {})}
        aria-busy={query.isPlaceholderData || undefined}
        className={`pt-3 transition-opacity ${query.isPlaceholderData ? 'opacity-60' : ''}`}
        // Pointing at, touching or focusing a row comes a moment before opening it.
        onPointerOver={preloadTaskPanel}
        onPointerDown={preloadTaskPanel}
        onFocus={preloadTaskPanel}
      >
        <RowDataProvider>{list}</RowDataProvider>
      </div>
      <button
        type="button"
        aria-label="Add task"
        onClick={openQuickAdd}
        className="fixed right-4 bottom-[max(1rem,env(safe-area-inset-bottom))] z-20 flex size-14 items-center justify-center rounded-full bg-accent text-accent-fg shadow-overlay hover:bg-accent-hover sm:hidden"
      >
        <Plus aria-hidden="true" className="size-6" />
      </button>
      <LazyTaskPanel
        taskId={view.task}
        listed={listed}
        onClose={() => changeView({ task: undefined }, { replace: true })}
        onClosed={actions.refocusActive}
      />
      <ShortcutsDialog open={actions.helpOpen} onOpenChange={actions.setHelpOpen} />
      <CompleteParentDialog {...actions.parentCompletion} />
    </PlaceContext.Provider>
  );
}
