import { Repeat } from 'lucide-react';
import { occurrenceText, previewOf } from '../recurrence/recurrence-preview';
import { useRecurrenceEngine } from '../recurrence/use-recurrence-engine';
import type { QuickAddDraft } from './parse-quick-add';

/** "Every 3 days, from the due date · next Mon, Nov 30, …": the summary once the engine has loaded. */
export function QuickAddRepeatChip({
  recurrence,
  dueDate,
  allDay,
  timeZone,
}: {
  recurrence: NonNullable<QuickAddDraft['recurrence']>;
  dueDate: Date;
  allDay: boolean;
  timeZone: string;
}) {
  const engine = useRecurrenceEngine();
  const preview = engine ? previewOf(engine, { ...recurrence, dueDate, allDay, timeZone }) : null;
  return (
    <span
      data-testid="quick-add-repeat"
      className="inline-flex min-h-6 flex-wrap items-center gap-x-1 rounded-md bg-accent-soft px-2 py-0.5 text-accent-text text-xs"
    >
      <Repeat aria-hidden="true" className="size-3.5" />
      <span className="sr-only">Repeats: </span>
      {preview ? preview.summary : recurrence.from === 'completion' ? 'Repeats after completion' : 'Repeats'}
      {preview && preview.next.length > 0 ? (
        <span className="opacity-80">
          · then {preview.next.map((date) => occurrenceText(date, allDay, timeZone)).join('; ')}
        </span>
      ) : null}
    </span>
  );
}
