import { optionalComponent } from '../../lib/optional-chunk';
import type { SortableProjectsProps } from './sortable-projects';

const NOT_SORTABLE = { ref: () => undefined, style: {}, listeners: undefined, dragging: false };

/** The projects without drag: while the drag code loads, or for good if it cannot load (offline). */
function StillProjects(props: SortableProjectsProps) {
  return <>{props.projects.map((project) => props.children(project, NOT_SORTABLE))}</>;
}

// dnd-kit stays out of the first page's JS.
const sortableProjects = optionalComponent(() => import('./sortable-projects'), StillProjects);

/** The active projects, draggable once the drag code is there; until then the same items, still. */
export function LazySortableProjects(props: SortableProjectsProps) {
  const SortableProjects = sortableProjects.useComponent();
  return <SortableProjects {...props} />;
}
