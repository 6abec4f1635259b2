import type { ReactNode } from 'react';
import type { Task } from '../../../lib/api-types';
import { optionalComponent } from '../../../lib/optional-chunk';
import type { SortableRowsProps } from './sortable-rows';

function PlainRow({ children }: { task: Task; children: ReactNode }) {
  return <>{children}</>;
}

/** The rows without drag: while the drag code loads, or for good if it cannot load (offline). */
function PlainRows(props: SortableRowsProps) {
  return <>{props.children(PlainRow)}</>;
}

// The same chunk the task list's drag code is in (preloaded by the task screen for a manual list).
const sortableRows = optionalComponent(() => import('./sortable-rows'), PlainRows);

/** Rows of a manual order (a parent's subtasks) that drag; until the drag code is there, plain rows. */
export function LazySortableRows(props: SortableRowsProps) {
  const SortableRows = sortableRows.useComponent();
  return <SortableRows {...props} />;
}
