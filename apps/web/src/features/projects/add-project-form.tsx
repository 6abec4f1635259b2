import { NameForm } from './name-form';
import { useProjectMutations } from './use-projects';

/** Type a name, Enter adds the project (and opens it), Escape gives up. */
export function AddProjectForm({ onDone }: { onDone: (createdId?: string) => void }) {
  const { create } = useProjectMutations();
  return (
    <NameForm
      label="New project name"
      placeholder="Project name"
      busy={create.isPending}
      onSubmit={(name) => create.mutate({ name }, { onSuccess: (project) => onDone(project.id) })}
      onCancel={() => onDone()}
    />
  );
}
