import { performance } from 'node:perf_hooks';
import type { BenchUser } from '../accounts.js';
import { BENCH_TITLE_PREFIX } from '../datasets.js';
import { call, send } from '../http-request.js';
import { pause } from './stream-slot.js';

/** A task the soak created, and when: `sentAt` is taken just before the request goes out. */
export interface SentWrite {
  userId: string;
  taskId: string;
  sentAt: number;
  answeredAt: number;
}

export interface WriteLog {
  writes: SentWrite[];
  failures: number;
  /** Writes not started because `maxInFlight` were still waiting: the server fell behind the rate. */
  skipped: number;
}

/**
 * Creates tasks through one API instance at `perSecond`, round-robin over the users, until `stop` aborts;
 * resolves once the last answer is in. At most `maxInFlight` at a time.
 */
export async function writeTasks(
  baseUrl: string,
  users: BenchUser[],
  perSecond: number,
  stop: AbortSignal,
  maxInFlight = 50,
): Promise<WriteLog> {
  const log: WriteLog = { writes: [], failures: 0, skipped: 0 };
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  for (let n = 0; !stop.aborted; n++) {
    // Paced against the start, so a slow turn of the loop does not lower the rate.
    await pause(started + (n * 1000) / perSecond - performance.now(), stop);
    if (stop.aborted) break;
    if (inFlight.size >= maxInFlight) {
      log.skipped += 1;
      continue;
    }
    const user = users[n % users.length] as BenchUser;
    const input = { title: `${BENCH_TITLE_PREFIX} sync ${n}`, priority: 'medium' };
    const sentAt = performance.now();
    const write = send<{ id: string }>(baseUrl, 'ours', call('ours', 'mutation', 'create', input, user.token))
      .then((task) => {
        log.writes.push({ userId: user.id, taskId: task.id, sentAt, answeredAt: performance.now() });
      })
      .catch(() => {
        log.failures += 1;
      })
      .finally(() => inFlight.delete(write));
    inFlight.add(write);
  }
  await Promise.all(inFlight);
  return log;
}
