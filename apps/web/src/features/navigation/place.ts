/**
 * A place is what the sidebar lists and a route shows: a smart view (Inbox, Today, Upcoming, Completed,
 * All tasks), one project or one label. Its address is its route's path.
 */
export type Place =
  | { kind: 'all' }
  | { kind: 'inbox' }
  | { kind: 'today' }
  | { kind: 'upcoming' }
  | { kind: 'completed' }
  | { kind: 'project'; id: string }
  | { kind: 'label'; id: string };

export type SmartPlace = Exclude<Place, { kind: 'project' | 'label' }>['kind'];

export const SMART_PLACE_TITLES: Record<SmartPlace, string> = {
  all: 'All tasks',
  inbox: 'Inbox',
  today: 'Today',
  upcoming: 'Upcoming',
  completed: 'Completed',
};

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const PROJECT_PATH = new RegExp(`^/projects/(${UUID})$`);
const LABEL_PATH = new RegExp(`^/labels/(${UUID})$`);
/** Every address `placeOfPath` knows, as one pattern (for the build's list of first pages). */
export const PLACE_PATH_PATTERN = `^/(?:inbox|today|upcoming|completed|projects/${UUID}|labels/${UUID})?$`;

export function placePath(place: Place): string {
  switch (place.kind) {
    case 'all':
      return '/';
    case 'project':
      return `/projects/${place.id}`;
    case 'label':
      return `/labels/${place.id}`;
    default:
      return `/${place.kind}`;
  }
}

/** The place a path shows, or null for any other page. */
export function placeOfPath(path: string): Place | null {
  if (path === '/') return { kind: 'all' };
  const project = PROJECT_PATH.exec(path)?.[1];
  if (project) return { kind: 'project', id: project.toLowerCase() };
  const label = LABEL_PATH.exec(path)?.[1];
  if (label) return { kind: 'label', id: label.toLowerCase() };
  const smart = path.slice(1);
  return smart === 'inbox' || smart === 'today' || smart === 'upcoming' || smart === 'completed'
    ? { kind: smart }
    : null;
}

export function samePlace(a: Place, b: Place): boolean {
  return placePath(a) === placePath(b);
}
