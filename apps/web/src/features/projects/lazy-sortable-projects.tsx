import { lazy, Suspense } from 'react';
import type { SortableProjectsProps } from './sortable-projects';

// dnd-kit stays out of the first page's JS; the same chunk the task list's drag code loads.
const SortableProjects = lazy(() => import('./sortable-projects'));

const NOT_SORTABLE = { ref: () => undefined, style: {}, listeners: undefined, dragging: false };

/** The active projects, draggable once the drag code is there; until then the same items, still. */
export function LazySortableProjects(props: SortableProjectsProps) {
  return (
    <Suspense fallback={props.projects.map((project) => props.children(project, NOT_SORTABLE))}>
      <SortableProjects {...props} />
    </Suspense>
  );
}
