import { lazy, Suspense } from 'react';
import { optionalChunk, preloadWhenIdle } from '../../../lib/optional-chunk';
import { TaskList } from '../list/task-list';
import type { SortableTaskListProps } from './sortable-task-list';

/** The same rows without drag: while the drag code loads, or for good if it cannot load (offline). */
function PlainTaskList({ place: _place, placeName: _name, ...listProps }: SortableTaskListProps) {
  return <TaskList {...listProps} />;
}

// dnd-kit is not in the first page's JS. It starts loading once the task screen's code is there, while
// the list's data is fetched, so the plain fallback (swapped for the sortable list, losing focus) is rare.
const loadSortableTaskList = () => import('./sortable-task-list');
const SortableTaskList = lazy(optionalChunk(loadSortableTaskList, PlainTaskList));
preloadWhenIdle(loadSortableTaskList);

/** A manual-order list; until the drag code has loaded, the same rows without drag. */
export function LazySortableTaskList(props: SortableTaskListProps) {
  return (
    <Suspense fallback={<PlainTaskList {...props} />}>
      <SortableTaskList {...props} />
    </Suspense>
  );
}
