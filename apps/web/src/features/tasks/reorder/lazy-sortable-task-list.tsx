import { optionalComponent } from '../../../lib/optional-chunk';
import { TaskList } from '../list/task-list';
import type { SortableTaskListProps } from './sortable-task-list';

/** The same rows without drag: while the drag code loads, or for good if it cannot load (offline). */
function PlainTaskList({ place: _place, placeName: _name, ...listProps }: SortableTaskListProps) {
  return <TaskList {...listProps} />;
}

// dnd-kit is not in the first page's JS. The task screen starts loading it as soon as it knows its list is
// in manual order, while the list's data is fetched: loaded before the data, the rows are built once, with
// drag; otherwise plain rows show first and are swapped for dragging ones (losing focus) when it arrives.
const sortableTaskList = optionalComponent(() => import('./sortable-task-list'), PlainTaskList);

export const preloadSortableTaskList = sortableTaskList.preload;

/** A manual-order list; until the drag code has loaded, the same rows without drag. */
export function LazySortableTaskList(props: SortableTaskListProps) {
  const SortableTaskList = sortableTaskList.useComponent();
  return <SortableTaskList {...props} />;
}
