import {
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type Modifier,
  pointerWithin,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { getEventCoordinates } from '@dnd-kit/utilities';
import {
  type ComponentType,
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Task } from '../../../lib/api-types';
import { toast } from '../../../lib/toast';
import { isOptimistic } from '../data/task-model';
import { nextKeyboardTarget } from './keyboard-target';
import type { PlaceTargetData } from './place-drop-targets';
import { dropPlaces, isPlaceTargetId, PlaceDropTargets } from './place-drop-targets';
import { reorderAnnouncements, reorderInstructions } from './reorder-announcements';
import type { ManualPlace } from './reorder-cache';
import { afterIdForSortableDrop, movingIds } from './reorder-plan';
import { ROW_KEYBOARD_CODES, RowKeyboardSensor, RowMouseSensor } from './row-sensors';
import { useMoveTasks } from './use-move-tasks';

export type RowWrapper = ComponentType<{ task: Task; children: ReactNode }>;

export interface SortableRowsProps {
  /** The rows in the place's manual order, as shown. */
  tasks: Task[];
  selected: ReadonlySet<string>;
  place: ManualPlace;
  /** Said in announcements: "position 2 of 5 in Inbox". */
  placeName: string;
  /** After a keyboard drop, the moved row (drawn again at its new index) should take the focus. */
  onKeyboardDrop: (taskId: string) => void;
  /** The rows, each wrapped in the given wrapper, which makes it draggable. */
  children: (wrapper: RowWrapper) => ReactNode;
}

interface Drag {
  active: Task;
  moving: Task[];
  byKeyboard: boolean;
}

const MovingContext = createContext<ReadonlySet<string>>(new Set());

/**
 * A pointer drag is over the sidebar place under the pointer, else the row whose middle is nearest the
 * pointer (the preview sits beside the pointer, so its own middle says little). A keyboard drag is over
 * the row the arrow keys chose (`keyboardOverId`), counted in list order rather than measured, which
 * stays right inside nested and virtual lists.
 */
function collisionWith(keyboardOverId: () => string | null): CollisionDetection {
  return (args) => {
    const pointer = args.pointerCoordinates;
    if (!pointer) {
      const id = keyboardOverId();
      return id ? [{ id }] : [];
    }
    const isPlace = (id: string | number) =>
      (args.droppableContainers.find((c) => c.id === id)?.data.current as PlaceTargetData | undefined)
        ?.kind === 'place';
    const places = args.droppableContainers.filter((container) => isPlace(container.id));
    const hit = pointerWithin({ ...args, droppableContainers: places });
    if (hit.length > 0) return hit;
    const atPointer = {
      top: pointer.y,
      bottom: pointer.y,
      left: pointer.x,
      right: pointer.x,
      width: 0,
      height: 0,
    };
    const rows = args.droppableContainers.filter((container) => !isPlace(container.id));
    return closestCenter({ ...args, collisionRect: atPointer, droppableContainers: rows });
  };
}

/** The row after the lifted one that is not moving with it, else the nearest one before it. */
function rowThatStays(ids: string[], moving: string[], liftedId: string): string | undefined {
  const at = ids.indexOf(liftedId);
  const staying = (id: string) => !moving.includes(id);
  return ids.slice(at + 1).find(staying) ?? ids.slice(0, at).reverse().find(staying);
}

/** The pointer's preview just below and right of the pointer, so the row or place under it stays in view. */
const besideCursor: Modifier = ({ activatorEvent, draggingNodeRect, transform }) => {
  const start = activatorEvent ? getEventCoordinates(activatorEvent) : null;
  if (!start || !draggingNodeRect) return transform;
  return {
    ...transform,
    x: transform.x + start.x - draggingNodeRect.left + 12,
    y: transform.y + start.y - draggingNodeRect.top + 12,
  };
};

/** A row as a sortable item: the whole row drags; a line shows where it would land. */
function SortableRow({ task, children }: { task: Task; children: ReactNode }) {
  const { setNodeRef, listeners, attributes, index, activeIndex, over, node } = useSortable({
    id: task.id,
    disabled: isOptimistic(task),
  });
  const moving = useContext(MovingContext);
  // The row (the focused element) describes how to move it; the wrapper is no tab stop of its own.
  const describedBy = attributes['aria-describedby'];
  useEffect(() => {
    node.current?.querySelector('[data-testid="task-row"]')?.setAttribute('aria-describedby', describedBy);
  });
  const line = over?.id === task.id && activeIndex !== -1 && activeIndex !== index;
  return (
    <div ref={setNodeRef} {...listeners} data-moving={moving.has(task.id) || undefined} className="relative">
      {children}
      {/* Drawn over the row, whose own background would hide an outline of this wrapper. */}
      {moving.has(task.id) ? (
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-1 rounded-md border-2 border-accent border-dashed"
        />
      ) : null}
      {line ? (
        <div
          aria-hidden="true"
          data-testid="drop-line"
          className={`pointer-events-none absolute inset-x-2 h-0.5 rounded-full bg-accent ${activeIndex < index ? 'bottom-0' : 'top-0'}`}
        />
      ) : null}
    </div>
  );
}

/**
 * Rows of a manual order that move by pointer drag (onto another row, or onto the Inbox or a project in
 * the sidebar) and by keyboard (Space, arrows, Space; Escape cancels). A selected row drags the whole
 * selection. Loaded lazily: dnd-kit is not in the first page's JS.
 */
export default function SortableRows({
  tasks,
  selected,
  place,
  placeName,
  onKeyboardDrop,
  children,
}: SortableRowsProps) {
  const move = useMoveTasks();
  const [drag, setDrag] = useState<Drag | null>(null);
  const saved = useMemo(() => tasks.filter((task) => !isOptimistic(task)), [tasks]);
  const ids = useMemo(() => saved.map((task) => task.id), [saved]);
  const movingSet = useMemo(() => new Set(drag?.moving.map((task) => task.id)), [drag]);

  const latest = useRef({ tasks: saved, moving: [] as Task[], placeName });
  latest.current = { tasks: saved, moving: drag?.moving ?? [], placeName };
  const announcements = useMemo(() => reorderAnnouncements(() => latest.current), []);

  // What a keyboard drag is over: a row (Up and Down step through the list, one row at a time) or, after
  // Left, a sidebar place (Up and Down step through the places; Right comes back to the rows).
  const keyboardOver = useRef<string | null>(null);
  const collision = useMemo(() => collisionWith(() => keyboardOver.current), []);
  const stepOver: KeyboardCoordinateGetter = (event, { currentCoordinates, active }) => {
    const next = nextKeyboardTarget(event.code, keyboardOver.current, {
      rows: latest.current.tasks.map((task) => task.id),
      places: () => dropPlaces(place).map((target) => target.id),
      lifted: String(active),
    });
    if (['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.code)) event.preventDefault();
    if (!next || next === keyboardOver.current) return undefined;
    keyboardOver.current = next;
    if (!isPlaceTargetId(next)) {
      document
        .querySelector(`[data-testid="task-row"][data-task-id="${next}"]`)
        ?.scrollIntoView({ block: 'nearest' });
    }
    // Nothing is drawn at these coordinates (no preview for a keyboard drag); a change makes dnd-kit ask
    // the collision detection again.
    return { x: currentCoordinates.x, y: currentCoordinates.y + 1 };
  };

  const sensors = useSensors(
    // A few pixels before a drag starts, so a click stays a click.
    useSensor(RowMouseSensor, { activationConstraint: { distance: 5 } }),
    // A finger holds still to drag, so a swipe or a scroll never starts one.
    useSensor(TouchSensor, { activationConstraint: { delay: 400, tolerance: 6 } }),
    useSensor(RowKeyboardSensor, {
      coordinateGetter: stepOver,
      keyboardCodes: ROW_KEYBOARD_CODES,
    }),
  );

  // After a keyboard drop onto a sidebar place, the moved rows leave this list (once the cache shows the
  // move); focus stays in the list, on the row that takes their place, focused only after they are gone
  // since the rows after them are drawn again.
  const focusOnceGone = useRef<{ leaving: string[]; stays: string } | null>(null);
  useEffect(() => {
    const pending = focusOnceGone.current;
    if (!pending || pending.leaving.some((id) => ids.includes(id))) return;
    focusOnceGone.current = null;
    onKeyboardDrop(pending.stays);
  }, [ids, onKeyboardDrop]);

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    const task = saved.find((candidate) => candidate.id === active.id);
    if (!task) return;
    const moving = movingIds(ids, selected, task.id).flatMap((id) => saved.filter((t) => t.id === id));
    keyboardOver.current = task.id;
    setDrag({ active: task, moving, byKeyboard: activatorEvent instanceof KeyboardEvent });
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const current = drag;
    setDrag(null);
    if (!current || !over) return;
    const target = over.data.current as PlaceTargetData | undefined;
    if (target?.kind === 'place') {
      if (place.parentId === null && target.projectId === place.projectId) return;
      move.mutate({
        tasks: current.moving,
        place: { projectId: target.projectId, parentId: null },
        afterId: null,
      });
      const count = current.moving.length;
      toast(count === 1 ? `Moved to ${target.name}` : `${count} tasks moved to ${target.name}`, {
        description: count === 1 ? current.active.title : undefined,
      });
      if (current.byKeyboard) {
        const leaving = current.moving.map((task) => task.id);
        const stays = rowThatStays(ids, leaving, current.active.id);
        if (stays) focusOnceGone.current = { leaving, stays };
      }
      return;
    }
    const moving = current.moving.map((task) => task.id);
    const afterId = afterIdForSortableDrop(ids, moving, String(active.id), String(over.id));
    if (afterId === undefined) return;
    move.mutate({ tasks: current.moving, place, afterId });
    // The row is drawn again at its new index; keyboard focus follows it there.
    if (current.byKeyboard) onKeyboardDrop(current.active.id);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      accessibility={{ announcements, screenReaderInstructions: reorderInstructions }}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDrag(null)}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <MovingContext.Provider value={movingSet}>{children(SortableRow)}</MovingContext.Provider>
      </SortableContext>
      {drag ? <PlaceDropTargets current={place} /> : null}
      {/* A keyboard move shows the line where the task would land; a preview there would hide a row. */}
      <DragOverlay dropAnimation={null} modifiers={[besideCursor]}>
        {drag && !drag.byKeyboard ? (
          <div
            data-testid="drag-preview"
            className="flex w-max max-w-72 items-center gap-2 rounded-md border border-accent bg-surface px-3 py-2 shadow-overlay"
          >
            <span className="min-w-0 flex-1 truncate">{drag.active.title}</span>
            {drag.moving.length > 1 ? (
              <span className="rounded-full bg-accent px-2 text-accent-fg text-xs">{drag.moving.length}</span>
            ) : null}
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
