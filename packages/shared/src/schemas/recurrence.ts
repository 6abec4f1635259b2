import { z } from 'zod';
import { parseRecurrenceRule } from './recurrence-rule.js';

/** 'due': a fixed schedule counted from the due date; 'completion': the next one counts from completing it. */
export const RECURRENCE_FROM = ['due', 'completion'] as const;

/**
 * An RFC 5545 RRULE body without "RRULE:", such as FREQ=WEEKLY;BYDAY=MO,TH or FREQ=MONTHLY;BYMONTHDAY=-1,
 * trimmed and in capitals. Only the parts tasks use: FREQ (DAILY to YEARLY), INTERVAL, BYDAY, BYMONTHDAY,
 * BYMONTH, BYSETPOS and COUNT or UNTIL; the task's due date is where the series starts.
 */
export const recurrenceRuleSchema = z
  .string('Repeat rule: give a rule such as FREQ=WEEKLY;BYDAY=MO')
  .trim()
  .toUpperCase()
  .superRefine((rule, context) => {
    const parsed = parseRecurrenceRule(rule);
    if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.message });
  });

export const recurrenceSchema: z.ZodType<{ rule: string; from: 'due' | 'completion' }> = z.strictObject({
  rule: recurrenceRuleSchema,
  from: z.enum(RECURRENCE_FROM, "Repeat from must be 'due' or 'completion'"),
});
export type Recurrence = z.infer<typeof recurrenceSchema>;
