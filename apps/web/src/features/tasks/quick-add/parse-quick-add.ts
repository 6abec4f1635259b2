import type { TaskPriority } from '@taskapp/shared';
import * as chrono from 'chrono-node';

export interface QuickAddDraft {
  title: string;
  dueDate: Date | null;
  /** False when only a day was given ("tomorrow"): the task is due that day, not at a moment. */
  hasTime: boolean;
  priority: TaskPriority | null;
}

const QUOTED = /"[^"]*"/g;
const PRIORITY = /(^|\s)!(low|medium|high)(?=\s|$)/gi;
// Chrono leaves the word that introduces a date behind ("call mom on friday" → "call mom on").
const DANGLING_PREPOSITION = /\s+(on|at|by|due|in)$/i;

/** Replaces quoted text with spaces, so nothing inside quotes is read as a date or a priority. */
function maskQuoted(text: string): string {
  return text.replace(QUOTED, (quoted) => ' '.repeat(quoted.length));
}

function cut(text: string, start: number, end: number): string {
  return `${text.slice(0, start)}${' '.repeat(end - start)}${text.slice(end)}`;
}

/**
 * Reads `Pay rent tomorrow 9am !high` as a title, a due date and a priority. Text in "double quotes"
 * stays literal. Pure: `now` is the reference for relative dates.
 */
export function parseQuickAdd(input: string, now: Date = new Date()): QuickAddDraft {
  let masked = maskQuoted(input);
  let text = input;

  let priority: TaskPriority | null = null;
  for (const match of masked.matchAll(PRIORITY)) {
    // The last one wins, as when someone corrects themselves while typing.
    priority = match[2]?.toLowerCase() as TaskPriority;
    const start = (match.index ?? 0) + (match[1]?.length ?? 0);
    const end = (match.index ?? 0) + match[0].length;
    masked = cut(masked, start, end);
    text = cut(text, start, end);
  }

  let dueDate: Date | null = null;
  let hasTime = false;
  const [result] = chrono.parse(masked, now, { forwardDate: true });
  if (result) {
    hasTime = result.start.isCertain('hour');
    dueDate = result.start.date();
    if (!hasTime) dueDate.setHours(0, 0, 0, 0);
    text = cut(text, result.index, result.index + result.text.length);
    const before = text.slice(0, result.index).trimEnd();
    const dangling = before.match(DANGLING_PREPOSITION);
    if (dangling) text = cut(text, before.length - dangling[0].trimStart().length, result.index);
  }

  const title = text
    .replace(QUOTED, (quoted) => quoted.slice(1, -1))
    .replace(/\s+/g, ' ')
    .trim();
  return { title, dueDate, hasTime, priority };
}
