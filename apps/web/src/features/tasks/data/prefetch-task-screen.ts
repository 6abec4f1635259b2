import { queryClient, trpc } from '../../../lib/clients';
import type { Place } from '../../navigation/place';
import { placeListInput } from '../view/place-input';
import type { TaskView } from '../view/task-view';
import { taskListOptions, taskStatsOptions } from './use-task-queries';

/**
 * Starts the first page (with the projects and labels its rows name) and the counts as soon as the route
 * is entered, while the task screen's code is still loading and starting up, instead of after it has
 * rendered (bench/README.md: a round trip sooner on a real network).
 *
 * Only for a view this tab has never loaded. The loader also runs on navigations within the screen
 * (opening a task, changing a filter); refetching a list there could overwrite an optimistic change
 * with an answer read before the write landed. Lists already in the cache are the screen's business.
 */
export function prefetchPlace(place: Place, view: TaskView): void {
  const settingsKey = trpc.account.settings.queryKey();
  const settings = queryClient.getQueryData(settingsKey);
  if (!settings) void queryClient.prefetchQuery(trpc.account.settings.queryOptions());
  // A due filter's days are the account's days: without its settings the list would be read for the
  // browser's days and then again, so such a list waits for the screen. (Today and Upcoming are read in
  // the account's zone by the server itself.)
  if (!view.due || settings) {
    const list = taskListOptions(trpc, placeListInput(place, view, settings ?? {}));
    if (!queryClient.getQueryState(list.queryKey)) void queryClient.prefetchInfiniteQuery(list);
  }
  // The rows' chips name their project and labels: read with the first page, not once the rows are up
  // (their arrival built every row's chips and measured every row again, a second long task on a phone).
  const projects = trpc.project.list.queryOptions();
  if (!queryClient.getQueryState(projects.queryKey)) void queryClient.prefetchQuery(projects);
  const labels = trpc.label.list.queryOptions();
  if (!queryClient.getQueryState(labels.queryKey)) void queryClient.prefetchQuery(labels);
  // Only All tasks shows the counts (its status tabs); the other places never ask for them.
  if (place.kind !== 'all') return;
  const stats = taskStatsOptions(trpc);
  if (!queryClient.getQueryState(stats.queryKey)) void queryClient.prefetchQuery(stats);
}
