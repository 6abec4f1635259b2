import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { withClient } from '@taskapp/db';
import { createQueries } from '@taskapp/db/queries';
import { preparePasswords, signIn } from '../accounts.js';
import { cpuTimeMs } from '../cpu-time.js';
import { type ServerProcess, type ServerSettings, startOurServer } from '../processes.js';
import { checkDeliveries, type DeliveryCheck, type LatencySummary, latencySummary } from './deliveries.js';
import { type MemorySample, type MemoryTrend, memoryTrend, readMemory } from './memory.js';
import { type Delivery, pause, type Range, StreamSlot } from './stream-slot.js';
import { writeTasks } from './task-writer.js';

export const SYNC_SOAK_KEY = 'sync-soak';

/** Issue #14's soak: 500 streams over two instances for 5 minutes (25 s in --quick), with churn. */
export interface SoakPlan {
  seconds: number;
  /** Memory is judged after this: JIT, pools and caches have filled. */
  warmupSeconds: number;
  users: number;
  /** Per user, alternating between the two instances (LIMITS.syncStreamsPerUser is 20 per instance). */
  streamsPerUser: number;
  writesPerSecond: number;
  lifetimeMs: Range;
  reconnectDelayMs: Range;
  sampleEverySeconds: number;
}

export function soakPlan(quick: boolean): SoakPlan {
  const shared = {
    users: 50,
    streamsPerUser: 10,
    writesPerSecond: 10,
    reconnectDelayMs: { min: 0, max: 250 },
  };
  // A stream lives 5–20 s (quick) or 10–60 s: every stream resumes at least once, ~25 or ~15 reconnects/s.
  return quick
    ? {
        ...shared,
        seconds: 25,
        warmupSeconds: 5,
        sampleEverySeconds: 1,
        lifetimeMs: { min: 5_000, max: 20_000 },
      }
    : {
        ...shared,
        seconds: 300,
        warmupSeconds: 60,
        sampleEverySeconds: 5,
        lifetimeMs: { min: 10_000, max: 60_000 },
      };
}

export interface InstanceUsage {
  instance: 1 | 2;
  /** Share of one core the instance used during the soak, %. */
  cpuPercent: number | null;
  memory: MemoryTrend;
}

export interface SyncSoakResult {
  plan: SoakPlan;
  streams: number;
  /** Connections opened, including the first of each stream; failed opens; ends the client did not ask for. */
  connects: number;
  connectFailures: number;
  serverEnds: number;
  streamErrors: number;
  /** `latency`: from sending a write to its answer. */
  writes: { ok: number; failed: number; skipped: number; perSecond: number; latency: LatencySummary };
  deliveries: DeliveryCheck;
  instances: InstanceUsage[];
  /**
   * The bench process itself (500 stream readers and the writer): its CPU and how late its event loop
   * ran, ms. A late loop delays every arrival it times.
   */
  client: { cpuPercent: number; loopDelayP99Ms: number };
}

const DRAIN_TIMEOUT_MS = 10_000;
/** Opening every stream at once would measure a thundering herd, not the steady state. */
const RAMP_MS = 5_000;

async function changeLogHead(databaseUrl: string): Promise<string> {
  return withClient(databaseUrl, (client) => createQueries(client).changes.head());
}

/**
 * Two instances of our server on one database; `plan.users` users each with `plan.streamsPerUser` streams
 * spread over both, dropping and resuming all the time; tasks written through instance 2 at a steady rate.
 * Every stream must receive each of its user's changes exactly once; live deliveries are timed.
 */
export async function runSyncSoak(
  settings: ServerSettings,
  plan: SoakPlan,
  log: (line: string) => void,
): Promise<SyncSoakResult> {
  const metricsToken = randomBytes(24).toString('base64url');
  const env = { METRICS_TOKEN: metricsToken };
  const servers: ServerProcess[] = [];
  try {
    servers.push(await startOurServer(settings, env));
    servers.push(await startOurServer(settings, env));
    const [one, two] = servers as [ServerProcess, ServerProcess];
    await preparePasswords(one.url, settings.databaseUrl, plan.users);
    const { typical } = await signIn(one.url, settings.databaseUrl, plan.users);
    const users = typical.slice(0, plan.users);
    const idle = await Promise.all(servers.map((server) => readMemory(server.url, metricsToken, 0)));

    const startCursor = await changeLogHead(settings.databaseUrl);
    const deliveries: Delivery[] = [];
    const slots = users.flatMap((user) =>
      Array.from({ length: plan.streamsPerUser }, (_, i) => {
        const instance = i % 2 === 0 ? 1 : 2;
        return new StreamSlot({
          baseUrl: (instance === 1 ? one : two).url,
          instance,
          userId: user.id,
          token: user.token,
          startCursor,
          lifetimeMs: plan.lifetimeMs,
          reconnectDelayMs: plan.reconnectDelayMs,
          onDelivery: (delivery) => deliveries.push(delivery),
        });
      }),
    );
    log(`  ${slots.length} streams for ${users.length} users over 2 instances, ${plan.seconds} s with churn`);

    const churn = new AbortController();
    setMaxListeners(0, churn.signal); // every stream waits on it
    const churning = slots.map(async (slot, i) => {
      await pause((i * RAMP_MS) / slots.length);
      await slot.churn(churn.signal);
    });
    await pause(RAMP_MS + 1_000);

    const started = performance.now();
    const cpuBefore = servers.map((server) => cpuTimeMs(server.pid));
    const clientCpuBefore = process.cpuUsage();
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const samples: MemorySample[][] = servers.map(() => []);
    const sampler = setInterval(() => {
      const at = (performance.now() - started) / 1000;
      servers.forEach((server, i) => {
        readMemory(server.url, metricsToken, at).then(
          (sample) => samples[i]?.push(sample),
          () => {},
        );
      });
    }, plan.sampleEverySeconds * 1000);

    const stopWriting = new AbortController();
    const writing = writeTasks(two.url, users, plan.writesPerSecond, stopWriting.signal);
    await pause(plan.seconds * 1000);
    stopWriting.abort();
    const written = await writing;
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const cpuAfter = servers.map((server) => cpuTimeMs(server.pid));
    const clientCpu = process.cpuUsage(clientCpuBefore);
    loopDelay.disable();

    // Churn stops; every stream connects once more if it must and catches up on what it missed.
    churn.abort();
    await Promise.all(churning);
    await Promise.all(slots.map((slot) => slot.ensureConnected()));
    const expected = written.writes.length * plan.streamsPerUser;
    const drainUntil = performance.now() + DRAIN_TIMEOUT_MS;
    while (deliveries.length < expected && performance.now() < drainUntil) await pause(100);
    await pause(500); // a duplicate would arrive after the count was reached
    await Promise.all(slots.map((slot) => slot.drop()));

    const sum = (count: (slot: StreamSlot) => number) =>
      slots.reduce((total, slot) => total + count(slot), 0);
    return {
      plan,
      streams: slots.length,
      connects: sum((slot) => slot.connects),
      connectFailures: sum((slot) => slot.connectFailures),
      serverEnds: sum((slot) => slot.serverEnds),
      streamErrors: sum((slot) => slot.errors),
      writes: {
        ok: written.writes.length,
        failed: written.failures,
        skipped: written.skipped,
        perSecond: Number((written.writes.length / seconds).toFixed(1)),
        latency: latencySummary(written.writes.map((write) => write.answeredAt - write.sentAt)),
      },
      deliveries: checkDeliveries(slots, deliveries, written.writes),
      client: {
        cpuPercent: Number(((clientCpu.user + clientCpu.system) / 1000 / seconds / 10).toFixed(1)),
        loopDelayP99Ms: Number((loopDelay.percentile(99) / 1e6).toFixed(1)),
      },
      instances: servers.map((_, i) => {
        const before = cpuBefore[i];
        const after = cpuAfter[i];
        return {
          instance: i === 0 ? 1 : 2,
          cpuPercent:
            before == null || after == null ? null : Number(((after - before) / seconds / 10).toFixed(1)),
          memory: memoryTrend(idle[i] as MemorySample, samples[i] ?? [], plan.warmupSeconds),
        };
      }),
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}
