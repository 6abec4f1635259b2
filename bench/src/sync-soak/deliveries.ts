import { percentile } from '../load.js';
import type { Delivery, StreamSlot } from './stream-slot.js';
import type { SentWrite } from './task-writer.js';

export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface DeliveryCheck {
  /** Every created task times every stream of its owner. */
  expected: number;
  /** Distinct (stream, task) pairs received. */
  delivered: number;
  lost: number;
  /** The same event id, or the same task, twice on one stream (across its reconnections). */
  duplicated: number;
  /** An event id not after the one before it on the same stream. */
  outOfOrder: number;
  /** Events for no task the soak created (another change, or a write whose answer never came). */
  unexpected: number;
  /** Delivered on a connection opened after the write was sent: replayed after a reconnect, not pushed. */
  backfilled: number;
  /** From just before the write was sent (through instance 2) to the event on a live stream of instance 1. */
  crossInstance: LatencySummary;
  /** The same on streams of instance 2, the instance that took the write. */
  sameInstance: LatencySummary;
}

const round = (value: number) => Number(value.toFixed(1));

export function latencySummary(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** Checks what every stream received against what was written, and times the live deliveries. */
export function checkDeliveries(
  slots: StreamSlot[],
  deliveries: Delivery[],
  writes: SentWrite[],
): DeliveryCheck {
  const writeOf = new Map(writes.map((write) => [write.taskId, write]));
  const streamsOf = new Map<string, number>();
  for (const slot of slots)
    streamsOf.set(slot.settings.userId, (streamsOf.get(slot.settings.userId) ?? 0) + 1);
  const received = new Map<StreamSlot, Set<string>>();
  const latencies: Record<1 | 2, number[]> = { 1: [], 2: [] };
  let delivered = 0;
  let duplicated = 0;
  let unexpected = 0;
  let backfilled = 0;
  for (const delivery of deliveries) {
    const { slot } = delivery;
    const write = writeOf.get(delivery.entityId);
    if (!write || write.userId !== slot.settings.userId) {
      unexpected += 1;
      continue;
    }
    const tasks = received.get(slot) ?? new Set<string>();
    received.set(slot, tasks);
    if (tasks.has(write.taskId)) {
      duplicated += 1;
      continue;
    }
    tasks.add(write.taskId);
    delivered += 1;
    if (delivery.liveSince <= write.sentAt)
      latencies[slot.settings.instance].push(delivery.arrivedAt - write.sentAt);
    else backfilled += 1;
  }
  const expected = writes.reduce((total, write) => total + (streamsOf.get(write.userId) ?? 0), 0);
  return {
    expected,
    delivered,
    lost: expected - delivered,
    duplicated: duplicated + slots.reduce((total, slot) => total + slot.duplicates, 0),
    outOfOrder: slots.reduce((total, slot) => total + slot.outOfOrder, 0),
    unexpected,
    backfilled,
    crossInstance: latencySummary(latencies[1]),
    sameInstance: latencySummary(latencies[2]),
  };
}
