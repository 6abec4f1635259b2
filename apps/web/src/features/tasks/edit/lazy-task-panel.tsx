import { Button } from '../../../components/button';
import { optionalComponent, useOnDemand } from '../../../lib/optional-chunk';
import type { TaskPanelProps } from './task-panel';

const SHEET =
  'fixed inset-y-0 right-0 z-40 flex w-full flex-col border-line bg-surface shadow-overlay sm:max-w-md sm:border-l';

/** Opened before its code has arrived (a reload with a task in the address): says so where it will be. */
function PanelLoading() {
  return (
    <div className={SHEET}>
      <p role="status" className="p-5 text-muted">
        Loading the task…
      </p>
    </div>
  );
}

/** When the editor's code cannot be fetched (offline before the app was saved for offline use). */
function PanelUnavailable({ taskId, onClose }: TaskPanelProps) {
  if (taskId === undefined) return null;
  return (
    <div role="alert" className={`${SHEET} items-start gap-3 p-5`}>
      <p className="font-medium">Couldn’t open the task</p>
      <p className="text-muted">The editor could not be loaded. Check your connection and reload the page.</p>
      <Button onClick={onClose}>Close</Button>
    </div>
  );
}

// The edit form brings react-hook-form, zod and the date, recurrence and reminder fields: none of it is
// needed to show a list, so it loads when a task is first opened, or once the list is up (preload).
const taskPanel = optionalComponent<TaskPanelProps>(
  () => import('./task-panel').then((module) => ({ default: module.TaskPanel })),
  PanelUnavailable,
);

export const preloadTaskPanel = taskPanel.preload;

/** The edit panel (task-panel.tsx), its code fetched on demand. */
export function LazyTaskPanel(props: TaskPanelProps) {
  const TaskPanel = useOnDemand(taskPanel, props.taskId !== undefined);
  if (TaskPanel) return <TaskPanel {...props} />;
  return props.taskId === undefined ? null : <PanelLoading />;
}
