import type { ClaimedReminder, PushTarget, Queries } from '@taskapp/db/queries';
import type { PushPayload } from '@taskapp/shared';
import type { Logger } from '../logger.js';
import type { Mailer } from '../mail/index.js';
import type { Metrics } from '../ops/index.js';
import type { PushService } from './push-service.js';
import { reminderMail } from './reminder-mail.js';
import { describeDue, taskPath } from './reminder-text.js';
import { runLimited } from './run-limited.js';

export interface ReminderDeliveryDeps {
  queries: Queries;
  mailer: Mailer;
  push: PushService;
  appOrigin: string;
  logger: Logger;
  metrics?: Metrics;
}

/** Jobs claimed per statement; a tick claims again while it finds full batches. */
const CLAIM_BATCH = 500;
/** Reminders being sent at once (each may be a mail and a few pushes). */
const SEND_CONCURRENCY = 50;

export interface DeliveryCounts {
  sent: number;
  late: number;
  retrying: number;
  failed: number;
  dropped: number;
  /** Left in 'sending' by a worker that stopped mid-send: given up, never sent twice. */
  stale: number;
}

/**
 * One pass of the reminder worker: give up on jobs a crashed worker left half-sent, then claim due jobs
 * (FOR UPDATE SKIP LOCKED: instances never take the same one), send each by the owner's channels, and
 * settle them. A job counts as delivered when any channel took it (retrying would repeat the others);
 * with no channel on it is still delivered, to the app's bell list. When every channel failed it is
 * retried with backoff.
 */
export async function deliverDueReminders(
  deps: ReminderDeliveryDeps,
  now: () => Date,
  /** Checked before each further batch: a stopping worker settles what it took and claims no more. */
  keepClaiming: () => boolean = () => true,
): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, late: 0, retrying: 0, failed: 0, dropped: 0, stale: 0 };
  counts.stale = await deps.queries.reminders.releaseStale(now());
  for (;;) {
    const { claimed, dropped } = await deps.queries.reminders.claimDue(now(), CLAIM_BATCH);
    counts.dropped += dropped;
    if (claimed.length > 0) await deliverBatch(deps, claimed, now, counts);
    if (claimed.length + dropped < CLAIM_BATCH || !keepClaiming()) break;
  }
  for (const [outcome, count] of Object.entries(counts)) {
    if (count > 0) deps.metrics?.remindersSettled(outcome as keyof DeliveryCounts, count);
  }
  if (counts.sent + counts.late + counts.retrying + counts.failed + counts.dropped + counts.stale > 0) {
    deps.logger.info({ reminders: counts }, 'reminders delivered');
  }
  return counts;
}

async function deliverBatch(
  deps: ReminderDeliveryDeps,
  claimed: ClaimedReminder[],
  now: () => Date,
  counts: DeliveryCounts,
): Promise<void> {
  const pushUsers = [...new Set(claimed.filter(wantsPush).map((reminder) => reminder.userId))];
  const targets = deps.push.enabled ? await deps.queries.pushSubscriptions.targetsOf(pushUsers) : [];
  const targetsByUser = new Map<string, PushTarget[]>();
  for (const target of targets)
    targetsByUser.set(target.userId, [...(targetsByUser.get(target.userId) ?? []), target]);
  const delivered: { onTime: string[]; late: string[] } = { onTime: [], late: [] };
  const gone: string[] = [];
  const reached: string[] = [];
  await runLimited(claimed, SEND_CONCURRENCY, async (reminder) => {
    const outcome = await deliverOne(
      deps,
      reminder,
      wantsPush(reminder) ? (targetsByUser.get(reminder.userId) ?? []) : [],
    );
    gone.push(...outcome.gone);
    reached.push(...outcome.reached);
    if (outcome.error === null) {
      (reminder.late ? delivered.late : delivered.onTime).push(reminder.id);
      return;
    }
    const status = await deps.queries.reminders.markFailed(reminder.id, now(), outcome.error);
    if (status === 'pending') counts.retrying += 1;
    if (status === 'failed') counts.failed += 1;
    deps.logger.warn(
      { reminder: reminder.id, attempts: reminder.attempts, status },
      `reminder not delivered: ${outcome.error}`,
    );
  });
  counts.sent += await deps.queries.reminders.markSentMany(delivered.onTime, now(), false);
  counts.late += await deps.queries.reminders.markSentMany(delivered.late, now(), true);
  await deps.queries.pushSubscriptions.remove(gone);
  await deps.queries.pushSubscriptions.markDelivered([...new Set(reached)], now());
}

const wantsEmail = (reminder: ClaimedReminder) =>
  reminder.active && reminder.emailReminders && reminder.emailVerified;
const wantsPush = (reminder: ClaimedReminder) => reminder.active && reminder.pushReminders;

interface OneOutcome {
  /** Null when delivered (by some channel, or to the bell list alone). */
  error: string | null;
  gone: string[];
  reached: string[];
}

async function deliverOne(
  deps: ReminderDeliveryDeps,
  reminder: ClaimedReminder,
  targets: PushTarget[],
): Promise<OneOutcome> {
  const outcome: OneOutcome = { error: null, gone: [], reached: [] };
  const sends: Promise<unknown>[] = [];
  if (wantsEmail(reminder)) {
    sends.push(
      deps.mailer.send(reminderMail({ ...reminder, to: reminder.email, appOrigin: deps.appOrigin })),
    );
  }
  for (const target of targets) {
    sends.push(
      deps.push.send(target, pushPayload(reminder, target)).then((result) => {
        (result === 'gone' ? outcome.gone : outcome.reached).push(target.id);
        // A vanished browser neither delivers nor fails the reminder.
        if (result === 'gone') throw new GoneSubscription();
      }),
    );
  }
  if (sends.length === 0) return outcome;
  const results = await Promise.allSettled(sends);
  if (results.some((result) => result.status === 'fulfilled')) return outcome;
  const failures = results
    .map((result) => (result.status === 'rejected' ? result.reason : null))
    .filter((reason) => !(reason instanceof GoneSubscription));
  if (failures.length === 0) return outcome;
  outcome.error = failures
    .map((reason) => (reason instanceof Error ? reason.message : String(reason)))
    .join('; ');
  return outcome;
}

class GoneSubscription extends Error {}

function pushPayload(reminder: ClaimedReminder, target: PushTarget): PushPayload {
  const due = describeDue(reminder.dueDate, reminder.allDay, reminder.timeZone);
  return {
    kind: 'reminder',
    title: target.hideTitles ? 'Taskapp reminder' : reminder.title,
    body: target.hideTitles ? 'You have a task reminder. Open Taskapp to see it.' : (due ?? 'Reminder'),
    // Same-origin path: the service worker opens it in the app.
    url: taskPath(reminder.taskId),
    taskId: reminder.taskId,
    tag: `reminder-${reminder.id}`,
  };
}
