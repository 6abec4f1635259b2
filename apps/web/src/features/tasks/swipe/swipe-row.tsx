import { CalendarClock, Check, RotateCcw, Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { DeferredMenu, menuChunk } from '../../../components/deferred-menu';
import type { Task } from '../../../lib/api-types';
import { isCompleted } from '../data/task-model';
import { useRowSwipe } from '../list/use-row-swipe';
import { SWIPE } from '../list/use-row-swipe-gesture';

export interface SwipeActions {
  /** Swipe right: complete (or reopen a completed task), with Undo. */
  onSwipeComplete: (task: Task) => void;
  /** An all-day date from the Schedule menu, with Undo. */
  onSchedule: (task: Task, day: Date, label: string) => void;
  onDelete: (task: Task) => void;
  onEdit: (task: Task) => void;
}

const ACTION = 'flex h-full min-h-11 w-16 flex-col items-center justify-center gap-0.5 text-xs font-medium';

// The Schedule menu (Radix) loads when a row is first swiped open, not with the list.
const scheduleMenu = menuChunk(() =>
  import('./schedule-menu-loaded').then((module) => module.LoadedScheduleMenu),
);

function ScheduleMenu({ task, actions, onDone }: { task: Task; actions: SwipeActions; onDone: () => void }) {
  return (
    <DeferredMenu
      chunk={scheduleMenu}
      props={{ task, actions, onDone }}
      trigger={{
        'aria-label': `Schedule: ${task.title}`,
        className: `${ACTION} bg-subtle text-fg`,
        children: (
          <>
            <CalendarClock aria-hidden="true" className="size-5" />
            Schedule
          </>
        ),
      }}
    />
  );
}

/**
 * A row that a finger swipes: right completes it, left opens Schedule and Delete behind it. The actions
 * exist only while open, so they are never a hidden tab stop.
 */
export function SwipeRow({
  task,
  enabled,
  actions,
  children,
}: {
  task: Task;
  enabled: boolean;
  actions: SwipeActions;
  children: ReactNode;
}) {
  const swipe = useRowSwipe({ enabled, onComplete: () => actions.onSwipeComplete(task) });
  const { offset, open, moving } = swipe;
  const completed = isCompleted(task);
  return (
    <div ref={swipe.ref} className="relative overflow-hidden" data-swipe-open={open || undefined}>
      {offset > 0 ? (
        <div
          aria-hidden="true"
          className="absolute inset-0 flex items-center gap-2 bg-accent pl-4 font-medium text-accent-fg text-sm"
        >
          {completed ? <RotateCcw className="size-5" /> : <Check className="size-5" />}
          {completed ? 'Reopen' : 'Complete'}
        </div>
      ) : null}
      {offset < 0 ? (
        <div className="absolute inset-y-0 right-0 flex" style={{ width: SWIPE.actionsWidth }}>
          <ScheduleMenu task={task} actions={actions} onDone={swipe.close} />
          <button
            type="button"
            aria-label={`Delete: ${task.title}`}
            className={`${ACTION} bg-danger-solid text-accent-fg`}
            onClick={() => {
              swipe.close();
              actions.onDelete(task);
            }}
          >
            <Trash2 aria-hidden="true" className="size-5" />
            Delete
          </button>
        </div>
      ) : null}
      <div
        {...swipe.handlers}
        data-testid="swipe-surface"
        style={offset ? { transform: `translateX(${offset}px)` } : undefined}
        className={`relative touch-pan-y bg-surface ${moving ? '' : 'motion-safe:transition-transform'}`}
      >
        {children}
      </div>
    </div>
  );
}
