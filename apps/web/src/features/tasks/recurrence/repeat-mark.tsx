import { Repeat } from 'lucide-react';
import type { TaskRecurrence } from './recurrence-engine';
import { dueDayOf, repeatsLabel } from './recurrence-preview';
import { useRecurrenceEngine } from './use-recurrence-engine';

/** A row's repeat icon, read out as "Repeats every week, from the due date" once the engine has loaded. */
export function RepeatMark({
  recurrence,
  dueDate,
  allDay,
  timeZone,
  className,
}: {
  recurrence: TaskRecurrence;
  dueDate: Date | null;
  allDay: boolean;
  timeZone: string;
  className: string;
}) {
  const dueDay = dueDate ? dueDayOf(dueDate, allDay, timeZone) : null;
  const label = repeatsLabel(useRecurrenceEngine(), recurrence, dueDay);
  return (
    <span className={className} role="img" aria-label={label} title={label} data-testid="repeat-mark">
      <Repeat aria-hidden="true" className="size-3.5" />
    </span>
  );
}
