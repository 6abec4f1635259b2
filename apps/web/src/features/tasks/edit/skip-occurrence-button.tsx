import { SkipForward } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../../components/button';
import type { Task } from '../../../lib/api-types';
import { errorMessage } from '../../../lib/trpc-errors';
import { useSkipOccurrence } from '../data/use-skip-occurrence';
import { dueLabel } from '../list/due-label';
import { useRecurrenceEngine } from '../recurrence/use-recurrence-engine';

interface SkipOccurrenceButtonProps {
  /** The saved task (the panel's base), which must repeat and have a due date. */
  saved: () => Task;
  /** Saves the panel's pending edits first; false when they cannot be saved. */
  flush: () => Promise<boolean>;
  /** Shows the skipped task in the panel and builds later saves on it. */
  adopt: (task: Task) => void;
  timeZone: string;
}

/**
 * "Skip this time": the repeating task moves on to its next date without being completed (no history
 * kept). The panel's edits are saved first, so the skip starts from what the person sees.
 */
export function SkipOccurrenceButton({ saved, flush, adopt, timeZone }: SkipOccurrenceButtonProps) {
  const skip = useSkipOccurrence();
  const engine = useRecurrenceEngine();
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);

  const run = async () => {
    setMessage(null);
    if (!(await flush())) {
      setMessage({ text: 'Fix or save your changes first, then skip.', failed: true });
      return;
    }
    const task = saved();
    const { recurrence, dueDate, allDay } = task;
    if (!recurrence || !dueDate) return;
    // The engine's next date is shown at once for a fixed schedule; the server has the last word.
    const next =
      engine && recurrence.from === 'due'
        ? (engine.upcoming({ ...recurrence, dueDate, allDay, timeZone }, 1)[0] ?? null)
        : null;
    try {
      const skipped = await skip.mutateAsync({ task, next });
      adopt(skipped);
      const when = skipped.dueDate
        ? dueLabel(skipped.dueDate, { allDay: skipped.allDay, timeZone }).text
        : 'no date';
      setMessage({ text: `Skipped. Next: ${when}.`, failed: false });
    } catch (error) {
      setMessage({ text: errorMessage(error), failed: true });
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <Button
        size="sm"
        pending={skip.isPending}
        onClick={() => void run()}
        title="Move on to the next date without completing this one"
      >
        <SkipForward aria-hidden="true" className="size-3.5" />
        Skip this time
      </Button>
      <p role="status" className={`text-sm ${message?.failed ? 'text-danger' : 'text-muted'}`}>
        {message?.text}
      </p>
    </div>
  );
}
