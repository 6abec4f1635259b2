import { startTransition, useDeferredValue, useEffect, useState } from 'react';
import { optionalComponent } from '../../../lib/optional-chunk';
import { onServer } from '../../../lib/server-render';
import { TaskList } from '../list/task-list';
import { TaskListSkeleton } from '../list/task-list-states';
import type { SortableTaskListProps } from './sortable-task-list';

/** The same rows without drag: for good if the drag code cannot load (offline), or while it is late. */
function PlainTaskList({ place: _place, placeName: _name, ...listProps }: SortableTaskListProps) {
  return <TaskList {...listProps} />;
}

// dnd-kit is not in the first page's JS. The task screen starts loading it as soon as it knows its list is
// in manual order, while the list's data is fetched.
const sortableTaskList = optionalComponent(() => import('./sortable-task-list'), PlainTaskList);

export const preloadSortableTaskList = sortableTaskList.preload;

/**
 * How long rows that arrived before the drag code wait for it. Shown plain, they would all be built again
 * (unmounted and mounted, focus lost) as draggable rows a moment later: on a phone that second build was
 * most of the first list's cost, and it moved the first paint of the rows behind it.
 */
const DRAG_CODE_WAIT_MS = 1500;

function useWaited(ms: number): boolean {
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setWaited(true)), ms);
    return () => clearTimeout(timer);
  }, [ms]);
  return waited;
}

/** A manual-order list: draggable rows once the drag code is here; plain rows if it is late or failed. */
export function LazySortableTaskList(props: SortableTaskListProps) {
  sortableTaskList.preload();
  // Deferred: the rows are built in a background render React interrupts every few milliseconds, not in
  // the one synchronous update that the chunk's arrival would otherwise be.
  const SortableTaskList = useDeferredValue(sortableTaskList.useLoaded());
  const waited = useWaited(DRAG_CODE_WAIT_MS);
  // The server draws the plain rows (decision 020); the app's draggable ones take their place unchanged.
  if (onServer) return <PlainTaskList {...props} />;
  if (SortableTaskList) return <SortableTaskList {...props} />;
  return waited ? <PlainTaskList {...props} /> : <TaskListSkeleton />;
}
