import type { Place } from './place';

/** "G" then a letter goes to a place, as in Linear and Gmail; the help dialog lists the same keys. */
export const PLACE_KEYS: Record<
  string,
  Extract<Place, { kind: 'inbox' | 'today' | 'upcoming' | 'completed' | 'all' }>
> = {
  i: { kind: 'inbox' },
  t: { kind: 'today' },
  u: { kind: 'upcoming' },
  c: { kind: 'completed' },
  a: { kind: 'all' },
};

/** How long after "G" the second key still counts. */
export const SEQUENCE_MS = 1500;
