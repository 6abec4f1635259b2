import type { ListTasksInput } from '@taskapp/shared';
// Constants only: this file is part of the first screen's bundle (the router reads views with it).
import {
  TASK_PRIORITIES,
  TASK_SORTS,
  TASK_STATUSES,
  type TaskPriority,
  type TaskSort,
  type TaskStatus,
} from '@taskapp/shared/constants';
import {
  addCalendarDays,
  browserTimeZone,
  calendarDayOf,
  startOfCalendarWeek,
  startOfDayIn,
} from '../../../lib/time-zone';

export const DUE_FILTERS = ['overdue', 'today', 'week', 'none'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export type SortOrder = 'asc' | 'desc';

/**
 * What the task screen shows, kept in the URL (`/?status=pending&due=today&q=rent`), so a view can be
 * bookmarked, shared, and restored with Back. Absent keys mean "everything" and the default order.
 */
export interface TaskView {
  status?: TaskStatus;
  priority?: TaskPriority[];
  due?: DueFilter;
  q?: string;
  sort?: TaskSort;
  order?: SortOrder;
  /** The task open in the edit panel. */
  task?: string;
  /** Views other than All tasks hide completed tasks unless this is on. */
  showCompleted?: true;
}

/** Each sort's natural direction: newest, soonest, most important, A to Z. */
export const DEFAULT_ORDER: Record<TaskSort, SortOrder> = {
  createdAt: 'desc',
  updatedAt: 'desc',
  dueDate: 'asc',
  priority: 'desc',
  title: 'asc',
  manual: 'asc',
};

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

/** Reads the URL leniently: anything unknown or malformed is dropped, never an error page. */
export function parseTaskView(search: Record<string, unknown>): TaskView {
  const priorities = Array.isArray(search.priority)
    ? TASK_PRIORITIES.filter((priority) => (search.priority as unknown[]).includes(priority))
    : [];
  const sort = oneOf(TASK_SORTS, search.sort);
  const order = oneOf(['asc', 'desc'] as const, search.order);
  const q = typeof search.q === 'string' ? search.q.slice(0, 200) : '';
  const task = typeof search.task === 'string' && /^[0-9a-f-]{36}$/i.test(search.task) ? search.task : '';
  const view: TaskView = {
    status: oneOf(TASK_STATUSES, search.status),
    priority: priorities.length > 0 && priorities.length < TASK_PRIORITIES.length ? priorities : undefined,
    due: oneOf(DUE_FILTERS, search.due),
    q: q.trim() ? q : undefined,
    // Each place has its own default sort (Inbox and projects: manual), so the menus leave the default
    // out of the URL and any sort that is here is kept.
    sort,
    order: sort && order && order !== DEFAULT_ORDER[sort] ? order : undefined,
    task: task || undefined,
    showCompleted: search.showCompleted === true || undefined,
  };
  // Absent keys stay out of the URL entirely.
  return Object.fromEntries(Object.entries(view).filter(([, value]) => value !== undefined)) as TaskView;
}

/** What a list shows: task.list's input without the paging fields. */
export type ListFilters = Omit<NonNullable<ListTasksInput>, 'cursor' | 'limit' | 'direction'>;

/** Whose days the due filters mean: the account's time zone and first day of the week. */
export interface DayContext {
  now?: Date;
  timeZone?: string;
  /** 0 Sunday, 1 Monday, 6 Saturday. */
  weekStart?: number;
}

/**
 * Due ranges from midnight to midnight of the person's own days. The server reads an all-day task by
 * its calendar day, so a range of whole days holds the all-day tasks of exactly those days.
 */
function dueFilterInput(
  due: DueFilter,
  { now = new Date(), timeZone = browserTimeZone(), weekStart = 1 }: DayContext,
): ListFilters {
  const today = calendarDayOf(now, timeZone);
  const days = (first: Date, count: number) => ({
    dueAfter: startOfDayIn(first, timeZone),
    dueBefore: startOfDayIn(addCalendarDays(first, count), timeZone),
  });
  switch (due) {
    case 'overdue':
      // Due before today and not done. A task due today is "today" until the day is over, even when
      // its time has passed (the row shows that in red).
      return { overdue: true, dueBefore: startOfDayIn(today, timeZone) };
    case 'today':
      return days(today, 1);
    case 'week':
      return days(startOfCalendarWeek(today, weekStart), 7);
    case 'none':
      return { hasDueDate: false };
  }
}

/** The task.list input for a view. Day boundaries only change at midnight, so the query key is stable. */
export function listInputFor(view: TaskView, days: DayContext = {}): ListFilters {
  const sort = view.sort ?? 'createdAt';
  return {
    ...(view.status ? { status: [view.status] } : {}),
    ...(view.priority ? { priority: view.priority } : {}),
    ...(view.due ? dueFilterInput(view.due, days) : {}),
    ...(view.q?.trim() ? { search: view.q.trim() } : {}),
    sort,
    order: view.order ?? DEFAULT_ORDER[sort],
  };
}

/** Whether anything beyond the status tab narrows the list (the empty state then offers to clear it). */
export function isFiltered(view: TaskView): boolean {
  return Boolean(view.priority || view.due || view.q?.trim());
}
