import { createContext, useContext } from 'react';
import { calendarDayOf } from '../../lib/time-zone';
import type { Place } from './place';

/** The place the task screen shows, for anything inside it (quick add, rows) that depends on it. */
export const PlaceContext = createContext<Place>({ kind: 'all' });

export function useCurrentPlace(): Place {
  return useContext(PlaceContext);
}

/** What a task added in a place starts with, so it shows up where it was added. */
export interface PlaceDefaults {
  projectId?: string;
  labelIds?: string[];
  /** Today: due today, all day. */
  dueDate?: Date;
  allDay?: boolean;
}

export function placeDefaults(place: Place, { now = new Date(), timeZone = 'UTC' } = {}): PlaceDefaults {
  switch (place.kind) {
    case 'project':
      return { projectId: place.id };
    case 'label':
      return { labelIds: [place.id] };
    case 'today':
      return { dueDate: calendarDayOf(now, timeZone), allDay: true };
    default:
      return {};
  }
}
