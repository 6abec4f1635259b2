import { ChevronRight, FileText } from 'lucide-react';
import type { Task } from '../../../lib/api-types';
import type { Place } from '../../navigation/place';
import { useCurrentPlace } from '../../navigation/place-context';
import { ColorDot } from '../../projects/color-dot';
import { RepeatMark } from '../recurrence/repeat-mark';
import { useRowData } from './row-data';

const CHIP = 'inline-flex h-5 max-w-40 items-center gap-1 truncate rounded-sm text-faint text-xs';

interface TaskMetaProps {
  task: Task;
  expanded: boolean;
  onToggleSubtasks: () => void;
}

/** Whether a row has a second line: a project or labels to name, subtasks or notes. */
export function hasMeta(task: Task, place: Place): boolean {
  const otherProject = task.projectId !== null && !(place.kind === 'project' && place.id === task.projectId);
  return (
    otherProject ||
    task.labelIds.length > 0 ||
    task.subtaskCount > 0 ||
    Boolean(task.description?.trim()) ||
    task.recurrence !== null
  );
}

/**
 * The line under a title: its project (unless this is that project), its labels, its subtasks (a button
 * that shows them in place), a mark when it repeats and one when it has notes.
 */
export function TaskMeta({ task, expanded, onToggleSubtasks }: TaskMetaProps) {
  const place = useCurrentPlace();
  const { projects, labels, timeZone } = useRowData();
  const project = task.projectId ? projects.get(task.projectId) : undefined;
  const showProject = project && !(place.kind === 'project' && place.id === project.id);
  return (
    <span className="flex min-w-0 flex-wrap items-center gap-x-2.5 gap-y-0.5">
      {task.subtaskCount > 0 ? (
        <button
          type="button"
          aria-expanded={expanded}
          aria-label={`${expanded ? 'Hide' : 'Show'} ${task.subtaskCount} subtask${task.subtaskCount === 1 ? '' : 's'}: ${task.title}`}
          onClick={onToggleSubtasks}
          className="-my-2 -ml-1 inline-flex h-9 items-center gap-0.5 rounded-md px-1 text-muted text-xs hover:bg-subtle hover:text-fg sm:h-6"
        >
          <ChevronRight
            aria-hidden="true"
            className={`size-3.5 transition-transform motion-reduce:transition-none ${expanded ? 'rotate-90' : ''}`}
          />
          <span aria-hidden="true" className="tabular-nums">
            {task.subtaskCount}
          </span>
        </button>
      ) : null}
      {task.recurrence ? (
        <RepeatMark
          recurrence={task.recurrence}
          dueDate={task.dueDate}
          allDay={task.allDay}
          timeZone={timeZone}
          className={CHIP}
        />
      ) : null}
      {task.description?.trim() ? (
        <span className={CHIP} role="img" aria-label="Has notes" title="Has notes">
          <FileText aria-hidden="true" className="size-3.5" />
        </span>
      ) : null}
      {showProject ? (
        <span className={CHIP} data-testid="project-chip">
          <ColorDot color={project.color} className="size-2" />
          <span className="sr-only">Project: </span>
          {project.name}
        </span>
      ) : null}
      {task.labelIds.map((id) => {
        const label = labels.get(id);
        if (!label || (place.kind === 'label' && place.id === id)) return null;
        return (
          <span key={id} className={CHIP} data-testid="label-chip">
            <ColorDot color={label.color} className="size-2" />
            <span className="sr-only">Label: </span>
            {label.name}
          </span>
        );
      })}
    </span>
  );
}
