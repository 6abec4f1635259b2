import { LIMITS } from '@taskapp/shared/constants';
import { type FormEvent, useState } from 'react';
import { useProjectMutations } from './use-projects';

/** One line: type a name, Enter adds the project (and opens it), Escape gives up. */
export function AddProjectForm({ onDone }: { onDone: (createdId?: string) => void }) {
  const [name, setName] = useState('');
  const { create } = useProjectMutations();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return onDone();
    create.mutate({ name: trimmed }, { onSuccess: (project) => onDone(project.id) });
  };
  return (
    <form onSubmit={submit} className="px-1">
      <input
        // biome-ignore lint/a11y/noAutofocus: the person just asked for this field
        autoFocus
        aria-label="New project name"
        placeholder="Project name"
        maxLength={LIMITS.nameMax}
        value={name}
        disabled={create.isPending}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onDone();
          }
        }}
        onBlur={() => (name.trim() ? undefined : onDone())}
        className="h-11 w-full rounded-md border border-line-strong bg-surface px-2.5 text-fg outline-none focus-visible:border-accent md:h-8"
      />
    </form>
  );
}
