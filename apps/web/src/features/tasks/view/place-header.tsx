import { PanelLeft, SlidersHorizontal } from 'lucide-react';
import type { ReactNode } from 'react';
import { useSidebar } from '../../navigation/sidebar-state';

interface PlaceHeaderProps {
  title: string;
  icon?: ReactNode;
  /** "Show completed", where the place hides completed tasks. */
  showCompleted?: { on: boolean; onChange: (on: boolean) => void };
  /** More switches beside the title, such as a project's List | Board. */
  actions?: ReactNode;
  /** Phones: search and filters fold behind this button. */
  controls: { open: boolean; onToggle: () => void; active: boolean };
}

const BAR_BUTTON =
  'flex size-11 shrink-0 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-fg aria-expanded:text-fg sm:size-8';

/** The one bar above a list: the sidebar button, the place's name, and its few switches. */
export function PlaceHeader({ title, icon, showCompleted, actions, controls }: PlaceHeaderProps) {
  const sidebar = useSidebar();
  return (
    <>
      <div className="mb-2 flex min-h-11 items-center gap-1 sm:mb-3">
        {sidebar ? (
          <>
            <button
              type="button"
              aria-label="Open navigation"
              onClick={sidebar.toggle}
              className={`-ml-2 sm:-ml-1.5 md:hidden ${BAR_BUTTON}`}
            >
              <PanelLeft aria-hidden="true" className="size-5 sm:size-4" />
            </button>
            <button
              type="button"
              aria-label={sidebar.collapsed ? 'Show sidebar' : 'Hide sidebar'}
              title={`${sidebar.collapsed ? 'Show' : 'Hide'} sidebar ([)`}
              onClick={sidebar.toggle}
              className={`-ml-1.5 max-md:hidden ${BAR_BUTTON}`}
            >
              <PanelLeft aria-hidden="true" className="size-4" />
            </button>
          </>
        ) : null}
        <h1 className="flex min-w-0 flex-1 items-center gap-2 font-semibold text-lg tracking-tight sm:text-xl">
          {/* On a phone the title needs the room more than its icon. */}
          {icon ? <span className="flex max-sm:hidden">{icon}</span> : null}
          <span className="truncate">{title}</span>
        </h1>
        {actions}
        {showCompleted ? <ShowCompletedToggle {...showCompleted} className="max-sm:hidden" /> : null}
        <button
          type="button"
          aria-expanded={controls.open}
          aria-controls="task-controls"
          aria-label="Search and filters"
          onClick={controls.onToggle}
          className={`${BAR_BUTTON} relative sm:hidden`}
        >
          <SlidersHorizontal aria-hidden="true" className="size-5" />
          {controls.active ? (
            <span aria-hidden="true" className="absolute top-2.5 right-2.5 size-2 rounded-full bg-accent" />
          ) : null}
        </button>
      </div>
      {/* On a phone the switch folds away with search and filters. */}
      {showCompleted && controls.open ? (
        <div className="mb-1 sm:hidden">
          <ShowCompletedToggle {...showCompleted} className="-ml-2" />
        </div>
      ) : null}
    </>
  );
}

interface ShowCompletedToggleProps {
  on: boolean;
  onChange: (on: boolean) => void;
  className?: string;
}

function ShowCompletedToggle({ on, onChange, className = '' }: ShowCompletedToggleProps) {
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => onChange(!on)}
      className={`inline-flex h-11 shrink-0 items-center gap-2 rounded-md px-2 text-muted text-sm hover:bg-subtle hover:text-fg sm:h-8 ${className}`}
    >
      <span
        aria-hidden="true"
        className={`relative h-4 w-7 rounded-full transition-colors ${on ? 'bg-accent' : 'bg-line-strong'}`}
      >
        <span
          className={`absolute top-0.5 size-3 rounded-full bg-surface transition-[left] motion-reduce:transition-none ${on ? 'left-3.5' : 'left-0.5'}`}
        />
      </span>
      Show completed
    </button>
  );
}
