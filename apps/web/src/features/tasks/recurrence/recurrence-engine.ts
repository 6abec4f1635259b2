/** A task's repeat schedule as the API holds it: an RRULE body, counted from the due date or from completion. */
export interface TaskRecurrence {
  rule: string;
  from: 'due' | 'completion';
}

export interface OccurrenceInput extends TaskRecurrence {
  dueDate: Date;
  allDay: boolean;
  timeZone: string;
}

/** What the web asks of the recurrence engine; the engine itself stays out of the first page's JavaScript. */
export interface RecurrenceEngine {
  /** `day`: the due date's calendar day as 00:00Z, for what the rule leaves to it (FREQ=WEEKLY's weekday). */
  describe(recurrence: TaskRecurrence, day?: Date): string;
  /** The next `count` due dates after `input.dueDate` (all-day ones as 00:00Z of their day). */
  upcoming(input: OccurrenceInput, count: number): Date[];
}

let loading: Promise<RecurrenceEngine> | null = null;

/**
 * rrule-temporal and the Temporal polyfill weigh more than the first page may grow, so they arrive in a
 * chunk of their own the first time a repeat schedule is shown.
 */
export function loadRecurrenceEngine(): Promise<RecurrenceEngine> {
  loading ??= import('@taskapp/shared/recurrence')
    .then(
      (engine): RecurrenceEngine => ({
        describe: (recurrence, day) => engine.describeRecurrence(recurrence, day),
        upcoming: (input, count) => engine.upcomingOccurrences(input, count),
      }),
    )
    .catch((error: unknown) => {
      // A failed chunk download should not stick: the next schedule shown tries again.
      loading = null;
      throw error;
    });
  return loading;
}
