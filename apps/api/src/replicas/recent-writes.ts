import type { WalMonitor } from './wal-monitor.js';

interface Entry {
  /** Reads of this user need a replica that has replayed at least this far. */
  lsn: bigint;
  /** A change notified at this time (monotonic ms) whose position is not known yet. */
  pendingSince: number | null;
  /** Last changed at (monotonic ms); after `keepMs` the lag bound alone covers it. */
  updatedAt: number;
}

/**
 * Per-user read-your-writes on this instance (decision 017): the position after each write made here,
 * and for a change notified by the database (made anywhere: another instance, another device) the
 * primary's position sampled after the notification came. An entry is needed only until every replica
 * in use is past it anyway: a replica serves reads only if it has replayed what the primary had
 * `maxLag` ago, sampled at most a second before that, so after `maxLag` + 1 s the entry can go.
 */
export class RecentWrites {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly monitor: WalMonitor,
    private readonly keepMs: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  wrote(userId: string, lsn: bigint, now: number): void {
    const entry = this.entry(userId, now);
    if (lsn > entry.lsn) entry.lsn = lsn;
  }

  changed(userId: string, now: number): void {
    this.entry(userId, now).pendingSince = now;
  }

  /** The position a replica must have replayed to serve this user; null: only the primary can tell yet. */
  required(userId: string, now: number): bigint | null {
    const entry = this.entries.get(userId);
    if (!entry) return 0n;
    if (now - entry.updatedAt > this.keepMs) {
      this.entries.delete(userId);
      return 0n;
    }
    if (entry.pendingSince !== null) {
      const sample = this.monitor.sampleStartedAfter(entry.pendingSince);
      if (!sample) return null;
      if (sample.inserted > entry.lsn) entry.lsn = sample.inserted;
      entry.pendingSince = null;
    }
    return entry.lsn;
  }

  /** Drops entries the lag bound covers by now. */
  sweep(now: number): void {
    for (const [userId, entry] of this.entries) {
      if (now - entry.updatedAt > this.keepMs) this.entries.delete(userId);
    }
  }

  private entry(userId: string, now: number): Entry {
    let entry = this.entries.get(userId);
    if (!entry) {
      entry = { lsn: 0n, pendingSince: null, updatedAt: now };
      this.entries.set(userId, entry);
    }
    entry.updatedAt = now;
    return entry;
  }
}
