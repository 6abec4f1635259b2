import { Cron } from 'croner';
import { type DeliveryCounts, deliverDueReminders, type ReminderDeliveryDeps } from './deliver-reminders.js';
import { sendDueDigests } from './send-digests.js';

export interface ReminderWorker {
  /** One pass now (tests; also run once at start). Resolves when it is done. */
  tick(): Promise<{ reminders: DeliveryCounts; digests: number } | null>;
  /**
   * No new pass starts; the one in progress finishes the sends of its current batch, settles them and
   * claims no more before this resolves.
   */
  stop(): Promise<void>;
}

/**
 * Every `pollMs` (whole seconds), one pass: due reminders, then due digests. Every instance runs one; the
 * database hands each job to one of them. A pass never overlaps the previous one; a failed pass (the
 * database is away) is logged and the next one tries again.
 */
export function startReminderWorker(
  deps: ReminderDeliveryDeps,
  { pollMs, now }: { pollMs: number; now: () => Date },
): ReminderWorker {
  let running: Promise<{ reminders: DeliveryCounts; digests: number } | null> | null = null;
  let stopped = false;
  const pass = async () => {
    try {
      // Stopping ends the pass after the batch in hand: with a backlog, claiming on would hold the
      // shutdown for minutes and risk a hard kill mid-send (jobs left half-sent are never retried).
      const reminders = await deliverDueReminders(deps, now, () => !stopped);
      const digests = stopped ? 0 : await sendDueDigests(deps, now);
      return { reminders, digests };
    } catch (error) {
      deps.logger.error({ err: error }, `reminder worker pass failed: ${(error as Error).message}`);
      return null;
    }
  };
  const tick = () => {
    if (stopped) return Promise.resolve(null);
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };
  const intervalSeconds = Math.max(1, Math.round(pollMs / 1000));
  const job = new Cron(
    '* * * * * *',
    // The pass at start (below) is the first: the schedule's begins one interval later, not a second later.
    { interval: intervalSeconds, protect: true, startAt: new Date(Date.now() + intervalSeconds * 1000) },
    async () => {
      await tick();
    },
  );
  void tick();
  return {
    tick,
    async stop() {
      stopped = true;
      job.stop();
      await running;
    },
  };
}
