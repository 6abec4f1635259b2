import type { Ref, SelectHTMLAttributes } from 'react';
import { Field, INPUT_CLASSES } from '../../../components/field';
import type { Task } from '../../../lib/api-types';
import { useProjects } from '../../projects/use-projects';

interface ProjectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> {
  task: Task;
  ref?: Ref<HTMLSelectElement>;
}

/**
 * Which project the task is in ('' = the Inbox): the active projects, and the task's own project even
 * when archived, so the field never holds a value it has no option for.
 */
export function ProjectField({ task, ref, ...select }: ProjectFieldProps) {
  const { data: projects = [] } = useProjects();
  const options = projects
    .filter((project) => project.archivedAt === null || project.id === task.projectId)
    .map((project) => ({
      id: project.id,
      name: project.archivedAt ? `${project.name} (archived)` : project.name,
    }));
  // Until the list has loaded, the task's own project still has its option (same key, so the browser
  // keeps it selected when the real one replaces it).
  if (task.projectId && !options.some((option) => option.id === task.projectId))
    options.push({ id: task.projectId, name: 'This task’s project' });
  return (
    <Field label="Project">
      {(control) => (
        <select ref={ref} className={INPUT_CLASSES} {...control} {...select}>
          <option value="">Inbox</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
