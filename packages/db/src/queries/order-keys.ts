import { generateKeyBetween } from 'fractional-indexing';

/**
 * Manual order (projects in the sidebar, tasks among their siblings) is a fractional-indexing key per
 * row: a string that sorts byte by byte (SQL compares it with collate "C"). Moving one row computes one
 * new key between its new neighbours, so a reorder writes one row and never renumbers the others.
 */

/**
 * A key that sorts after `before` and before `after` (null = open end). Neighbours with equal keys (two
 * rows created at the same instant) get a key after both, the nearest order that is still valid.
 */
export function keyBetween(before: string | null, after: string | null): string {
  if (before !== null && after !== null && before >= after) return generateKeyBetween(before, null);
  return generateKeyBetween(before, after);
}

/** The key of a row placed first, before the current first key (null when the place is empty). */
export const keyBefore = (first: string | null): string => keyBetween(null, first);

/** The key of a row placed last, after the current last key (null when the place is empty). */
export const keyAfter = (last: string | null): string => keyBetween(last, null);
