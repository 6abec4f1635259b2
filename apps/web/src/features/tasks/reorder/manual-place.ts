import type { Place } from '../../navigation/place';
import type { ListFilters } from '../view/task-view';
import type { ManualPlace } from './reorder-cache';

/**
 * The place whose manual order a list shows, when its rows may be moved: the Inbox or a project listed
 * in manual order, unfiltered by a search (a filtered list's neighbours are not the place's). Null for
 * every other list.
 */
export function manualPlaceOf(place: Place, input: ListFilters): ManualPlace | null {
  if (place.kind !== 'inbox' && place.kind !== 'project') return null;
  if (input.sort !== 'manual' || input.order !== 'asc' || input.search) return null;
  return { projectId: place.kind === 'project' ? place.id : null, parentId: null };
}
