import { LIMITS, taskTitleSchema } from '@taskapp/shared';

/** The counter appears this close to the limit, so a long line is noticed before it is refused. */
const COUNTER_MARGIN = 30;

/** Whether to show "n/255" next to the field for a title this long. */
export function showsTitleCounter(title: string): boolean {
  return title.length >= LIMITS.titleMax - COUNTER_MARGIN;
}

/**
 * Why the server would refuse this title, in the API's own words, or null when it would accept it.
 * An empty title is not a problem here: quick add asks for a few words instead.
 */
export function titleProblem(title: string): string | null {
  if (title.trim() === '') return null;
  const checked = taskTitleSchema.safeParse(title);
  return checked.success ? null : (checked.error.issues[0]?.message ?? 'Not a valid title');
}
