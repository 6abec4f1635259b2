import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { CSSProperties, KeyboardEvent, ReactNode } from 'react';
import type { Project } from './use-projects';

export interface SortableProjectsProps {
  projects: Project[];
  /** Called with the project dropped and the one it now follows (null: first). */
  onMove: (project: Project, afterId: string | null, order: Project[]) => void;
  children: (project: Project, item: SortableItem) => ReactNode;
}

/** What a project's list item takes to move: only listeners, so it stays a list item (Space on its link lifts it). */
export interface SortableItem {
  ref: (node: HTMLElement | null) => void;
  style: CSSProperties;
  listeners: ReturnType<typeof useSortable>['listeners'];
  dragging: boolean;
}

function SortableProject({
  project,
  children,
}: {
  project: Project;
  children: SortableProjectsProps['children'];
}) {
  const { setNodeRef, listeners, transform, transition, isDragging } = useSortable({ id: project.id });
  const style = { transform: CSS.Translate.toString(transform), transition };
  // Keys lift the project from its link only: Space in the rename field or on the … button is theirs.
  const fromLink = listeners && {
    ...listeners,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.target instanceof HTMLAnchorElement) listeners.onKeyDown?.(event);
    },
  };
  return <>{children(project, { ref: setNodeRef, style, listeners: fromLink, dragging: isDragging })}</>;
}

/** The sidebar's projects reorder by pointer drag, or from the keyboard (Space, arrows, Space). */
export default function SortableProjects({ projects, onMove, children }: SortableProjectsProps) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const nameOf = (id: string | number) => projects.find((project) => project.id === id)?.name ?? '';
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = projects.findIndex((project) => project.id === active.id);
    const to = projects.findIndex((project) => project.id === over.id);
    const order = arrayMove(projects, from, to);
    const moved = order[to];
    if (moved) onMove(moved, order[to - 1]?.id ?? null, order);
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        // Its live region and instructions go outside the list, which must hold list items only.
        container: document.body,
        screenReaderInstructions: {
          draggable:
            'To move a project, press Space, then the arrow keys, then Space to drop or Escape to cancel.',
        },
        announcements: {
          onDragStart: ({ active }) => `Picked up project “${nameOf(active.id)}”.`,
          onDragOver: ({ active, over }) =>
            // Nothing to say while it is still over its own place (just picked up).
            over?.id === active.id
              ? undefined
              : over
                ? `“${nameOf(active.id)}” is over “${nameOf(over.id)}”.`
                : `“${nameOf(active.id)}” is not over a project.`,
          onDragEnd: ({ active, over }) =>
            over
              ? `“${nameOf(active.id)}” moved to where “${nameOf(over.id)}” was.`
              : `“${nameOf(active.id)}” dropped.`,
          onDragCancel: ({ active }) => `Moving “${nameOf(active.id)}” cancelled.`,
        },
      }}
    >
      <SortableContext items={projects.map((project) => project.id)} strategy={verticalListSortingStrategy}>
        {projects.map((project) => (
          <SortableProject key={project.id} project={project}>
            {children}
          </SortableProject>
        ))}
      </SortableContext>
    </DndContext>
  );
}
