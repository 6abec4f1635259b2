import { z } from 'zod';
import { LIMITS } from '../constants.js';

/** At an instant, or this many minutes before the task's due date (0 = at the due time, up to 4 weeks). */
export const reminderSchema = z.union([
  z.strictObject({
    at: z.date('Not a valid date').refine((date) => !Number.isNaN(date.getTime()), 'Not a valid date'),
  }),
  z.strictObject({
    minutesBefore: z
      .number()
      .int('Minutes before must be a whole number')
      .min(0, 'Minutes before cannot be negative')
      .max(40_320, 'Remind at most 4 weeks (40,320 minutes) before'),
  }),
]);
export type Reminder = z.infer<typeof reminderSchema>;

export const remindersSchema = z
  .array(reminderSchema)
  .max(LIMITS.remindersPerTask, `At most ${LIMITS.remindersPerTask} reminders a task`);
