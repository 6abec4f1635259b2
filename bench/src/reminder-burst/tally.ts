import { percentile } from '../load.js';

/** What one channel (mail or push) received, per reminder's task id. */
export class DeliveryTally {
  readonly counts = new Map<string, number>();
  /** When each task id first arrived (epoch ms). */
  readonly firstArrival = new Map<string, number>();
  /** Messages in which no task id could be read. */
  unreadable = 0;
  received = 0;

  record(taskId: string | null, at: number): void {
    this.received += 1;
    if (!taskId) {
      this.unreadable += 1;
      return;
    }
    this.counts.set(taskId, (this.counts.get(taskId) ?? 0) + 1);
    if (!this.firstArrival.has(taskId)) this.firstArrival.set(taskId, at);
  }
}

export interface ChannelCheck {
  expected: number;
  /** Messages received, duplicates and unreadable ones included. */
  received: number;
  /** Expected reminders received at least once. */
  delivered: number;
  missing: number;
  /** Receipts beyond the first of a reminder. */
  duplicates: number;
  /** Messages for no reminder of the burst, or without a readable task id. */
  unexpected: number;
  /** From the due minute to each reminder's first arrival, s. */
  delay: { p50: number; p95: number; max: number };
}

const seconds = (ms: number) => Number((ms / 1000).toFixed(1));

export function checkTally(tally: DeliveryTally, expected: readonly string[], dueAt: number): ChannelCheck {
  const wanted = new Set(expected);
  const delays: number[] = [];
  let duplicates = 0;
  let unexpected = tally.unreadable;
  for (const [taskId, count] of tally.counts) {
    if (!wanted.has(taskId)) {
      unexpected += count;
      continue;
    }
    duplicates += count - 1;
    delays.push((tally.firstArrival.get(taskId) as number) - dueAt);
  }
  delays.sort((a, b) => a - b);
  return {
    expected: wanted.size,
    received: tally.received,
    delivered: delays.length,
    missing: wanted.size - delays.length,
    duplicates,
    unexpected,
    delay: {
      p50: seconds(percentile(delays, 50)),
      p95: seconds(percentile(delays, 95)),
      max: seconds(delays.at(-1) ?? Number.NaN),
    },
  };
}
