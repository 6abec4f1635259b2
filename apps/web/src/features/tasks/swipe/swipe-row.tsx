import * as Menu from '@radix-ui/react-dropdown-menu';
import { CalendarClock, Check, RotateCcw, Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { MENU_CONTENT, MENU_ITEM, MENU_SEPARATOR } from '../../../components/menu-styles';
import type { Task } from '../../../lib/api-types';
import { isCompleted } from '../data/task-model';
import { useRowData } from '../list/row-data';
import { useRowSwipe } from '../list/use-row-swipe';
import { SWIPE } from '../list/use-row-swipe-gesture';
import { scheduleChoices } from './schedule-days';

export interface SwipeActions {
  /** Swipe right: complete (or reopen a completed task), with Undo. */
  onSwipeComplete: (task: Task) => void;
  /** An all-day date from the Schedule menu, with Undo. */
  onSchedule: (task: Task, day: Date, label: string) => void;
  onDelete: (task: Task) => void;
  onEdit: (task: Task) => void;
}

const ACTION = 'flex h-full min-h-11 w-16 flex-col items-center justify-center gap-0.5 text-xs font-medium';

function ScheduleMenu({ task, actions, onDone }: { task: Task; actions: SwipeActions; onDone: () => void }) {
  const { timeZone } = useRowData();
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger className={`${ACTION} bg-subtle text-fg`} aria-label={`Schedule: ${task.title}`}>
        <CalendarClock aria-hidden="true" className="size-5" />
        Schedule
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={4} collisionPadding={8} className={`${MENU_CONTENT} w-48`}>
          {scheduleChoices(new Date(), timeZone).map((choice) => (
            <Menu.Item
              key={choice.label}
              className={`${MENU_ITEM} h-11`}
              onSelect={() => {
                onDone();
                actions.onSchedule(task, choice.day, choice.label);
              }}
            >
              {choice.label}
            </Menu.Item>
          ))}
          <Menu.Separator className={MENU_SEPARATOR} />
          <Menu.Item
            className={`${MENU_ITEM} h-11`}
            onSelect={() => {
              onDone();
              actions.onEdit(task);
            }}
          >
            Pick a date…
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
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
