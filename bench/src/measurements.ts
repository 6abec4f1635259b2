import type { LoadResult } from './load.js';
import type { MachineInfo } from './machine.js';
import type { ReminderBurstResult } from './reminder-burst/burst.js';
import type { SyncSoakResult } from './sync-soak/soak.js';

export interface Measurement {
  workload: string;
  title: string;
  kind: 'read' | 'write' | 'mixed';
  /** The large dataset unless this is the 10,000-task comparison. */
  dataset: 'large' | 'small';
  connections: number;
  ours: LoadResult;
  baseline: LoadResult | null;
  /** The baseline without its session-row check (JWT + the list statement), where the workload asks for it. */
  jwtOnlyBaseline?: LoadResult | null;
}

export interface BudgetResult {
  name: string;
  value: number;
  limit: string;
  pass: boolean;
}

export interface BenchResults {
  date: string;
  mode: 'full' | 'quick' | 'dev';
  machine: MachineInfo;
  datasets: { name: string; users: number; tasks: number; heavyUserTasks: number }[];
  poolMax: number;
  usersRotated: number;
  measurements: Measurement[];
  /** Issue #14's live-sync soak; null when not run (--only without sync-soak). */
  syncSoak: SyncSoakResult | null;
  /** Issue 15's reminder burst; null or absent when not run (--only without reminders, older results). */
  reminderBurst?: ReminderBurstResult | null;
  bundle: { initialJsGzipKb: number; limitKb: number } | null;
  budgets: BudgetResult[];
}
