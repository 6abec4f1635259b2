import { LIMITS } from '@taskapp/shared';
import type { Task } from '../../../lib/api-types';
import { useTaskList } from '../data/use-task-queries';
import { focusRowSoon } from '../reorder/focus-row';
import { LazySortableRows } from '../reorder/lazy-sortable-rows';
import { useSubtaskMoveKeys } from '../reorder/use-subtask-move-keys';
import { AddSubtask } from '../subtasks/add-subtask';
import { type ListRowsProps, ListTaskRow } from './list-task-row';

const INDENT_PX = 24;

/** A task's subtasks, read when its row is expanded and shown under it, in their manual order. */
export function SubtaskList({ parent, depth, ...props }: ListRowsProps & { parent: Task; depth: number }) {
  const query = useTaskList({ parentId: parent.id, sort: 'manual', order: 'asc' });
  const tasks = query.data?.pages.flatMap((page) => page.items) ?? [];
  const { expanded, selected } = props;
  const onMoveKeys = useSubtaskMoveKeys(parent, tasks);
  if (query.isPending)
    return (
      <p
        role="status"
        className="border-line border-b py-2 text-faint text-sm"
        style={{ paddingLeft: depth * INDENT_PX + 44 }}
      >
        Loading subtasks…
      </p>
    );
  // Subtasks keep their own manual order: they drag among themselves (or onto a project in the sidebar).
  const rows = (
    <LazySortableRows
      tasks={tasks}
      selected={selected}
      place={{ projectId: parent.projectId, parentId: parent.id }}
      placeName={`the subtasks of “${parent.title}”`}
      onKeyboardDrop={focusRowSoon}
    >
      {(RowWrapper) => (
        <ul aria-label={`Subtasks of ${parent.title}`} className="bg-canvas/50" onKeyDown={onMoveKeys}>
          {tasks.map((task) => (
            <li key={task.id} style={{ paddingLeft: depth * INDENT_PX }}>
              <RowWrapper task={task}>
                <ListTaskRow task={task} tabStop={false} {...props} />
              </RowWrapper>
              {expanded.has(task.id) ? <SubtaskList parent={task} depth={depth + 1} {...props} /> : null}
            </li>
          ))}
          {query.hasNextPage ? (
            <li style={{ paddingLeft: depth * INDENT_PX + 44 }} className="border-line border-b py-1">
              <button
                type="button"
                onClick={() => void query.fetchNextPage()}
                className="h-9 rounded-md px-2 text-accent-text text-sm hover:bg-subtle"
              >
                Show more subtasks
              </button>
            </li>
          ) : null}
        </ul>
      )}
    </LazySortableRows>
  );
  // Outside the rows: the drag code arriving swaps them out, which must not close a half-typed subtask.
  // The parent is at least `depth` levels down; past the limit the server would refuse.
  if (depth >= LIMITS.taskLevelsMax) return rows;
  return (
    <>
      {rows}
      <div
        style={{ paddingLeft: depth * INDENT_PX + 36 }}
        className="border-line border-b bg-canvas/50 py-1 pr-3"
      >
        <AddSubtask parent={parent} />
      </div>
    </>
  );
}
