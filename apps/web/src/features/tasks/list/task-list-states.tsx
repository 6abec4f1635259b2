import { CircleAlert, ListTodo, SearchX } from 'lucide-react';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { Kbd } from '../../../components/kbd';
import { isTouchOnly } from '../../../lib/platform';
import type { StatusTab } from '../view/status-tabs';

const SKELETON_WIDTHS = ['w-3/5', 'w-2/5', 'w-1/2', 'w-3/4', 'w-1/3', 'w-7/12'];

export function TaskListSkeleton({ rows = SKELETON_WIDTHS.length }: { rows?: number }) {
  return (
    <div aria-busy="true">
      <span role="status" className="sr-only">
        Loading your tasks
      </span>
      {SKELETON_WIDTHS.slice(0, rows).map((width) => (
        <div
          key={width}
          aria-hidden="true"
          className="flex h-11 items-center gap-3 border-line border-b px-3"
        >
          <span className="size-[18px] shrink-0 rounded-full bg-subtle motion-safe:animate-pulse" />
          <span className={`h-3.5 rounded-sm bg-subtle motion-safe:animate-pulse ${width}`} />
          <span className="ml-auto h-3 w-14 rounded-sm bg-subtle motion-safe:animate-pulse" />
        </div>
      ))}
    </div>
  );
}

function Example({ children }: { children: string }) {
  return <code className="rounded-sm bg-subtle px-1.5 py-0.5 font-mono text-fg text-xs">{children}</code>;
}

const FILTERED_EMPTY: Record<Exclude<StatusTab, 'all'>, { title: string; text: string }> = {
  pending: { title: 'Nothing waiting', text: 'Tasks you add start here until you begin or finish them.' },
  in_progress: { title: 'Nothing in progress', text: 'Tasks you’ve started show up here.' },
  completed: { title: 'Nothing completed yet', text: 'Check off a task and it lands here.' },
};

interface TaskListEmptyProps {
  tab: StatusTab;
  /** Search or filters narrow the list: the way out is to loosen them, not to add tasks. */
  filtered: boolean;
  onClearFilters: () => void;
}

export function TaskListEmpty({ tab, filtered, onClearFilters }: TaskListEmptyProps) {
  if (filtered) {
    return (
      <EmptyState
        icon={<SearchX aria-hidden="true" className="size-5" />}
        title="No tasks match"
        actions={<Button onClick={onClearFilters}>Clear search and filters</Button>}
      >
        <p>Try other words, or show every priority and due date.</p>
      </EmptyState>
    );
  }
  if (tab !== 'all') {
    const { title, text } = FILTERED_EMPTY[tab];
    return (
      <EmptyState icon={<ListTodo aria-hidden="true" className="size-5" />} title={title}>
        <p>{text}</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState icon={<ListTodo aria-hidden="true" className="size-5" />} title="No tasks yet">
      <p>
        {isTouchOnly ? (
          'Tap + and type a task.'
        ) : (
          <>
            Press <Kbd>N</Kbd> and type a task.
          </>
        )}{' '}
        Dates and priorities are picked up as you write:
      </p>
      <ul className="mt-3 flex flex-col items-center gap-1.5 text-sm">
        <li>
          <Example>Pay rent tomorrow 9am !high</Example>
        </li>
        <li>
          <Example>Call the dentist on friday !low</Example>
        </li>
        <li>
          <Example>Read "Tomorrow and tomorrow" next week</Example>
          <span className="mt-1 block text-faint text-xs">Quotes keep words as they are.</span>
        </li>
      </ul>
    </EmptyState>
  );
}

export function TaskListError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <EmptyState
      icon={<CircleAlert aria-hidden="true" className="size-5" />}
      title="Couldn’t load your tasks"
      actions={<Button onClick={onRetry}>Retry</Button>}
    >
      <p role="alert">{message}</p>
    </EmptyState>
  );
}
