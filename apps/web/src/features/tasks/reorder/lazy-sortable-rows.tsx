import { lazy, type ReactNode, Suspense } from 'react';
import type { Task } from '../../../lib/api-types';
import type { SortableRowsProps } from './sortable-rows';

// The same chunk the task list's drag code is in (loaded early by lazy-sortable-task-list.tsx).
const SortableRows = lazy(() => import('./sortable-rows'));

function PlainRow({ children }: { task: Task; children: ReactNode }) {
  return <>{children}</>;
}

/** Rows of a manual order (a parent's subtasks) that drag; until the drag code is there, plain rows. */
export function LazySortableRows(props: SortableRowsProps) {
  return (
    <Suspense fallback={props.children(PlainRow)}>
      <SortableRows {...props} />
    </Suspense>
  );
}
