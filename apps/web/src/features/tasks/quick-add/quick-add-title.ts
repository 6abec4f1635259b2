import { isStorableText, LIMITS } from '@taskapp/shared';

/** The counter appears this close to the limit, so a long line is noticed before it is refused. */
const COUNTER_MARGIN = 30;

/** Whether to show "n/255" next to the field for a title this long. */
export function showsTitleCounter(title: string): boolean {
  return title.length >= LIMITS.titleMax - COUNTER_MARGIN;
}

/**
 * Why the server would refuse this title, in the API's own words (taskTitleSchema's, which the tests
 * compare this with), or null when it would accept it. An empty title is not a problem here: quick add
 * asks for a few words instead. Checked without zod, which the list does not otherwise need: its code
 * is the biggest part of what the edit form loads.
 */
export function titleProblem(title: string): string | null {
  const trimmed = title.trim();
  if (trimmed === '') return null;
  if (!isStorableText(title)) return 'Contains characters that cannot be stored';
  if (trimmed.length > LIMITS.titleMax) return `Use at most ${LIMITS.titleMax} characters`;
  return null;
}
