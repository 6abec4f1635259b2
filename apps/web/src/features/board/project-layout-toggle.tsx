import { Columns3, List } from 'lucide-react';
import type { ProjectLayout } from './use-project-layout';

const OPTIONS = [
  { layout: 'list', label: 'List', Icon: List },
  { layout: 'board', label: 'Board', Icon: Columns3 },
] as const;

/** "List | Board" for a project: two pressed-or-not buttons, so the current one is announced. */
export function ProjectLayoutToggle({
  layout,
  onChange,
}: {
  layout: ProjectLayout;
  onChange: (layout: ProjectLayout) => void;
}) {
  return (
    <fieldset className="inline-flex shrink-0 rounded-md border border-line p-0.5">
      <legend className="sr-only">Show the project as</legend>
      {OPTIONS.map(({ layout: option, label, Icon }) => (
        <button
          key={option}
          type="button"
          aria-pressed={layout === option}
          onClick={() => onChange(option)}
          className={`inline-flex h-10 items-center gap-1.5 rounded px-2 text-sm sm:h-7 ${layout === option ? 'bg-subtle text-fg' : 'text-muted hover:text-fg'}`}
        >
          <Icon aria-hidden="true" className="size-3.5" />
          {label}
        </button>
      ))}
    </fieldset>
  );
}
