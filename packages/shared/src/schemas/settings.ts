import { z } from 'zod';
import { WEEK_STARTS } from '../constants.js';
import { timeZoneSchema } from './time-zone.js';

export const weekStartSchema = z.literal(
  WEEK_STARTS,
  'Week starts on Sunday (0), Monday (1) or Saturday (6)',
);

/** A time of day as HH:MM on a 24-hour clock, e.g. 07:30. */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time of day as HH:MM, such as 07:30');

/** `account.settings`: what the app does for this person, and in which time zone it reads "today". */
export const settingsSchema = z.strictObject({
  timeZone: timeZoneSchema,
  weekStart: weekStartSchema,
  emailReminders: z.boolean(),
  pushReminders: z.boolean(),
  /** When the daily summary mail goes out, in the settings' time zone; null = none. */
  dailyDigestAt: timeOfDaySchema.nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** `account.updateSettings`: any subset; what is left out stays as it was. */
export const updateSettingsInput = settingsSchema.partial();
export type UpdateSettingsInput = z.infer<typeof updateSettingsInput>;
