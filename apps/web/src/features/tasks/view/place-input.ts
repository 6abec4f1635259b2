import type { TaskSort, TaskStatus } from '@taskapp/shared/constants';
import { addCalendarDays, browserTimeZone, calendarDayOf, startOfDayIn } from '../../../lib/time-zone';
import type { Place } from '../../navigation/place';
import { type DayContext, DEFAULT_ORDER, type ListFilters, listInputFor, type TaskView } from './task-view';

/** What every view but All tasks and Completed shows unless "Show completed" is on. */
export const OPEN_STATUSES: TaskStatus[] = ['pending', 'in_progress'];

/** Days the Upcoming view covers: today and the six after it (as the server's `upcoming` view). */
export const UPCOMING_DAYS = 7;

/** The order a place lists tasks in when the person chose none. */
export function defaultSortOf(place: Place): TaskSort {
  switch (place.kind) {
    case 'inbox':
    case 'project':
      return 'manual';
    case 'today':
    case 'upcoming':
      return 'dueDate';
    case 'completed':
      return 'updatedAt';
    default:
      return 'createdAt';
  }
}

/** Whether the person can choose the order (Today and Upcoming are always by date). */
export function canSort(place: Place): boolean {
  return place.kind !== 'today' && place.kind !== 'upcoming';
}

/** Whether the place has the due-date filter (Today and Upcoming are themselves due filters). */
export function canFilterDue(place: Place): boolean {
  return place.kind !== 'today' && place.kind !== 'upcoming';
}

function sortOf(place: Place, view: TaskView): Pick<ListFilters, 'sort' | 'order'> {
  const sort = canSort(place) ? (view.sort ?? defaultSortOf(place)) : defaultSortOf(place);
  return { sort, order: (canSort(place) ? view.order : undefined) ?? DEFAULT_ORDER[sort] };
}

/** Search and priority, which narrow every place. */
function narrowing(view: TaskView): ListFilters {
  return {
    ...(view.priority ? { priority: view.priority } : {}),
    ...(view.q?.trim() ? { search: view.q.trim() } : {}),
  };
}

/** The task.list input for a place as the URL's view narrows it (paging fields aside). */
export function placeListInput(place: Place, view: TaskView, days: DayContext = {}): ListFilters {
  if (place.kind === 'all') return listInputFor(view, days);
  // The due filter, search and priority come from the general mapping; status and order are the place's.
  const {
    status: _status,
    sort: _sort,
    order: _order,
    ...filters
  } = listInputFor(canFilterDue(place) ? view : { ...view, due: undefined }, days);
  const open = view.showCompleted ? {} : { status: OPEN_STATUSES };
  switch (place.kind) {
    case 'inbox':
      return { ...filters, projectId: null, parentId: null, ...open, ...sortOf(place, view) };
    case 'project':
      return { ...filters, projectId: place.id, parentId: null, ...open, ...sortOf(place, view) };
    case 'label':
      return { ...filters, labelIds: [place.id], ...open, ...sortOf(place, view) };
    case 'completed':
      return { ...filters, status: ['completed'], ...sortOf(place, view) };
    case 'today':
    case 'upcoming':
      // The server's views are open tasks only; completed ones come from placeCompletedInput.
      return { ...narrowing(view), view: place.kind, ...sortOf(place, view) };
  }
}

/**
 * Today and Upcoming with "Show completed": the completed tasks due in the same days, read as a second
 * list because the server's views hold open tasks only. Null for every other place.
 */
export function placeCompletedInput(
  place: Place,
  view: TaskView,
  { now = new Date(), timeZone = browserTimeZone() }: DayContext = {},
): ListFilters | null {
  if (!view.showCompleted || (place.kind !== 'today' && place.kind !== 'upcoming')) return null;
  const today = calendarDayOf(now, timeZone);
  const count = place.kind === 'today' ? 1 : UPCOMING_DAYS;
  return {
    ...narrowing(view),
    status: ['completed'],
    dueAfter: startOfDayIn(today, timeZone),
    dueBefore: startOfDayIn(addCalendarDays(today, count), timeZone),
    sort: 'dueDate',
    order: 'asc',
  };
}
