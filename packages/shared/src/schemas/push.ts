import { z } from 'zod';

const base64Url = (what: string) =>
  z
    .string()
    .min(1, `${what} is missing`)
    .max(256, `${what} is too long`)
    .regex(/^[A-Za-z0-9_-]+=*$/, `${what} must be base64url, as PushSubscription.toJSON() gives it`);

/** A push service URL as the browser's PushSubscription gives it: https only (web-push posts to it). */
export const pushEndpointSchema = z
  .url({ protocol: /^https?$/, error: 'The endpoint must be an https URL from PushSubscription.endpoint' })
  .max(2048, 'The endpoint is longer than 2,048 characters');

/** `push.subscribe`: PushSubscription.toJSON() of this browser, and whether its notifications hide task titles. */
export const pushSubscribeInput = z.strictObject({
  endpoint: pushEndpointSchema,
  keys: z.strictObject({ p256dh: base64Url('keys.p256dh'), auth: base64Url('keys.auth') }),
  /** On a shared or lock-screen device: "You have a reminder" instead of the task's title. Default false. */
  hideTitles: z.boolean().optional(),
});
export type PushSubscribeInput = z.infer<typeof pushSubscribeInput>;

export const pushUnsubscribeInput = z.strictObject({ endpoint: pushEndpointSchema });
export type PushUnsubscribeInput = z.infer<typeof pushUnsubscribeInput>;

/** What the service worker receives in a push message (JSON). */
export const pushPayloadSchema = z.object({
  /** 'reminder' today; the worker ignores kinds it does not know. */
  kind: z.literal('reminder'),
  title: z.string(),
  body: z.string(),
  /** Where a click on the notification goes, relative to the app's origin (e.g. /?task=<id>, which opens the task's panel). */
  url: z.string(),
  taskId: z.string(),
  /** Tag: a second push for the same reminder replaces the first notification instead of stacking. */
  tag: z.string(),
});
export type PushPayload = z.infer<typeof pushPayloadSchema>;

/** `reminder.recent` input: how many of the caller's latest delivered reminders (default 20). */
export const recentRemindersInput = z
  .strictObject({ limit: z.number().int().min(1).max(50).optional() })
  .optional();

/** One delivered reminder, for the bell list. */
export interface DeliveredReminder {
  id: string;
  taskId: string;
  title: string;
  /** When it was due to fire. */
  fireAt: Date;
  /** When it went out. */
  sentAt: Date;
  /** Sent after its on-time window (the server was down or busy), within the grace window. */
  late: boolean;
}

/** `reminder.recent`'s answer: the bell list, and when the caller's next reminder is due to go out. */
export interface RecentReminders {
  reminders: DeliveredReminder[];
  /** The earliest reminder still waiting to be sent (possibly just past), or null: the bell asks again then. */
  nextAt: Date | null;
}
