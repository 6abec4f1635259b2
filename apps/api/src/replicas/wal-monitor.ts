import type { Queryable } from '@taskapp/db';
import { primaryWalPosition, replayedWalPosition } from '@taskapp/db/queries';
import type { Logger } from '../logger.js';

/** The primary's WAL position as seen by a probe that was sent at `startedAt` (monotonic ms). */
export interface PrimarySample {
  startedAt: number;
  flushed: bigint;
  inserted: bigint;
}

/** What this instance knows about one replica, from its last probe. */
export interface ReplicaState {
  readonly name: string;
  /** Answered its last probe as a standby. A failed read also marks it down until the next good probe. */
  up: boolean;
  /** How far it had replayed at its last good probe (replay only moves forward while it is up). */
  replayed: bigint;
}

export interface WalMonitorOptions {
  /** A connection of its own to the primary, so a busy app pool never delays the samples. */
  primary: Queryable;
  replicas: { name: string; probe: Queryable }[];
  logger: Logger;
  intervalMs?: number;
  /** A probe without an answer within this counts as failed. */
  timeoutMs?: number;
  /** How much of the primary's history to keep: at least the lag bound and a second. */
  historyMs: number;
}

/**
 * Samples the primary's WAL position and each replica's replay position every `intervalMs` (100 ms), so
 * that choosing where a read goes costs no round trip (decision 017). Probes that are still running
 * when the next tick comes are not doubled.
 */
export class WalMonitor {
  readonly replicas: ReplicaState[];
  private readonly samples: PrimarySample[] = [];
  private readonly timer: NodeJS.Timeout;
  private probing = false;
  private stopped = false;
  private readonly warned = new Set<string>();

  constructor(private readonly options: WalMonitorOptions) {
    this.replicas = options.replicas.map(({ name }) => ({ name, up: false, replayed: 0n }));
    this.timer = setInterval(() => void this.probe(), options.intervalMs ?? 100);
    this.timer.unref();
    void this.probe();
  }

  /** The primary's samples, oldest first. */
  get history(): readonly PrimarySample[] {
    return this.samples;
  }

  /** The first sample whose probe was sent at or after `time`: it includes every commit made before `time`. */
  sampleStartedAfter(time: number): PrimarySample | undefined {
    return this.samples.find((sample) => sample.startedAt >= time);
  }

  /** The newest sample whose probe was sent at or before `time`. */
  sampleStartedBefore(time: number): PrimarySample | undefined {
    for (let index = this.samples.length - 1; index >= 0; index--) {
      const sample = this.samples[index];
      if (sample && sample.startedAt <= time) return sample;
    }
    return undefined;
  }

  markDown(replica: ReplicaState): void {
    replica.up = false;
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private async probe(): Promise<void> {
    if (this.probing || this.stopped) return;
    this.probing = true;
    try {
      await Promise.all([
        this.probePrimary(),
        ...this.options.replicas.map((replica, index) => this.probeReplica(replica.probe, index)),
      ]);
    } finally {
      this.probing = false;
    }
  }

  private async probePrimary(): Promise<void> {
    const startedAt = performance.now();
    try {
      const position = await this.withTimeout(primaryWalPosition(this.options.primary));
      this.samples.push({ startedAt, ...position });
      this.warned.delete('primary');
      const keepFrom = performance.now() - this.options.historyMs;
      // Keep one sample older than the window, so the window's start always has one at or before it.
      while (this.samples.length > 2 && (this.samples[1]?.startedAt ?? 0) < keepFrom) this.samples.shift();
    } catch (error) {
      if (this.stopped) return;
      this.warnOnce('primary', error, 'read replicas: the primary did not answer its WAL probe');
    }
  }

  private async probeReplica(probe: Queryable, index: number): Promise<void> {
    const replica = this.replicas[index];
    if (!replica) return;
    try {
      const replayed = await this.withTimeout(replayedWalPosition(probe));
      if (replayed === null) {
        replica.up = false;
        this.warnOnce(
          replica.name,
          null,
          'read replicas: this server is not a standby; reads stay on the primary',
        );
        return;
      }
      // A replica that restarted may report an earlier position than before: trust the new one.
      replica.replayed = replayed;
      if (!replica.up) this.options.logger.info({ replica: replica.name }, 'read replica is up');
      replica.up = true;
      this.warned.delete(replica.name);
    } catch (error) {
      if (this.stopped) return;
      if (replica.up) this.options.logger.warn({ replica: replica.name, err: error }, 'read replica is down');
      replica.up = false;
    }
  }

  private warnOnce(key: string, error: unknown, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.options.logger.warn({ replica: key, err: error ?? undefined }, message);
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    const ms = this.options.timeoutMs ?? 1_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}
