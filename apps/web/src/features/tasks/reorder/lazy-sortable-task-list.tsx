import { lazy, Suspense } from 'react';
import { TaskList } from '../list/task-list';
import type { SortableTaskListProps } from './sortable-task-list';

// dnd-kit is not in the first page's JS. It starts loading once the task screen's code is there, while
// the list's data is fetched, so the plain fallback (swapped for the sortable list, losing focus) is rare.
const loadSortableTaskList = () => import('./sortable-task-list');
const SortableTaskList = lazy(loadSortableTaskList);
if (typeof window !== 'undefined') {
  const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1));
  idle(() => void loadSortableTaskList());
}

/** A manual-order list; until the drag code has loaded, the same rows without drag. */
export function LazySortableTaskList(props: SortableTaskListProps) {
  const { place: _place, placeName: _name, ...listProps } = props;
  return (
    <Suspense fallback={<TaskList {...listProps} />}>
      <SortableTaskList {...props} />
    </Suspense>
  );
}
