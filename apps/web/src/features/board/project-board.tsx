import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  rectIntersection,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import type { TaskStatus } from '@taskapp/shared';
import { useMemo, useState } from 'react';
import type { Task } from '../../lib/api-types';
import { useTRPC } from '../../lib/trpc';
import { useDaySettings } from '../account/use-settings';
import { isOptimistic } from '../tasks/data/task-model';
import { useUpdateTask } from '../tasks/data/use-task-mutations';
import { STATUS_LABELS } from '../tasks/task-labels';
import { useTaskView } from '../tasks/view/use-task-view';
import { boardAnnouncements, boardInstructions } from './board-announcements';
import { CardBody } from './board-card';
import { BoardColumn } from './board-column';
import { BOARD_COLUMNS, isColumn, tasksByStatus } from './board-columns';
import { columnKeyboardCoordinates } from './board-keyboard';
import { BOARD_MAX_TASKS, useBoardTasks } from './use-board-tasks';

/**
 * A project's tasks in three columns by status. Dragging a card (pointer, or Space and the arrow keys)
 * or its "Move to…" menu changes the task's status. Loaded lazily: dnd-kit is not in the first page's JS.
 */
export default function ProjectBoard({ projectId }: { projectId: string }) {
  const { tasks, query, capped } = useBoardTasks(projectId);
  const { timeZone } = useDaySettings();
  const update = useUpdateTask();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [dragged, setDragged] = useState<Task | null>(null);
  // A moved card is drawn anew in its new column; its handle takes the focus there.
  const [focusId, setFocusId] = useState<string | null>(null);
  // A move by menu is said out loud here; drags have dnd-kit's announcements.
  const [said, setSaid] = useState('');
  const [, changeView] = useTaskView();
  const columns = useMemo(() => tasksByStatus(tasks.filter((task) => !isOptimistic(task))), [tasks]);
  const sensors = useSensors(
    // A few pixels of movement before a drag starts, so a click on a card's menu stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  const move = (task: Task, status: TaskStatus) => {
    if (task.status === status) return;
    // The sidebar's open count moves when a task is completed or reopened.
    const refreshCounts = () => queryClient.invalidateQueries({ queryKey: trpc.project.list.queryKey() });
    update.mutate({ task, patch: { status } }, { onSettled: refreshCounts });
  };
  const moveByMenu = (task: Task, status: TaskStatus) => {
    setSaid(`“${task.title}” moved to ${STATUS_LABELS[status]}.`);
    setFocusId(task.id);
    move(task, status);
  };
  const onDragStart = ({ active }: DragStartEvent) =>
    setDragged(tasks.find((task) => task.id === active.id) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const task = tasks.find((candidate) => candidate.id === active.id);
    if (!task || !over || !isColumn(over.id)) return;
    setFocusId(task.id);
    move(task, over.id);
  };

  if (query.isPending) return <p className="p-4 text-muted text-sm">Loading the board…</p>;
  if (query.isError) {
    return (
      <p role="alert" className="p-4 text-danger text-sm">
        Couldn’t load this project’s tasks. Reload to try again.
      </p>
    );
  }

  return (
    <div data-testid="project-board">
      <DndContext
        sensors={sensors}
        collisionDetection={rectIntersection}
        accessibility={{ announcements: boardAnnouncements, screenReaderInstructions: boardInstructions }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(null)}
      >
        <div className="flex gap-3 overflow-x-auto pb-2">
          {BOARD_COLUMNS.map((status) => (
            <BoardColumn
              key={status}
              status={status}
              tasks={columns[status]}
              timeZone={timeZone}
              focusId={focusId}
              onMove={moveByMenu}
              onOpen={(task) => changeView({ task: task.id })}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>
          {dragged ? (
            <div className="flex rounded-lg border border-accent bg-surface p-1.5 pl-9 shadow-overlay">
              <CardBody task={dragged} timeZone={timeZone} />
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <p role="status" className="sr-only">
        {said}
      </p>
      {capped ? (
        <p className="mt-2 text-muted text-sm">
          The board shows the first {BOARD_MAX_TASKS} tasks; the list view shows them all.
        </p>
      ) : null}
    </div>
  );
}
