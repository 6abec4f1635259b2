import { fresh, type SignedIn } from './accounts.js';
import type { Target } from './http-request.js';
import { type LoadResult, runSlice, type Slice, summarize } from './load.js';
import type { Measurement } from './measurements.js';
import type { RunPlan } from './options.js';
import type { ServerProcess } from './processes.js';
import type { Workload, WorkloadContext } from './workloads.js';

export interface SuiteServers {
  ours: ServerProcess;
  /** Absent for the small-dataset comparison, which measures ours only. */
  baseline: ServerProcess | null;
  databaseUrl: string;
}

export interface SuiteRun {
  workloads: Workload[];
  /** Connection counts per workload. */
  levels: (workload: Workload) => number[];
  dataset: 'large' | 'small';
}

/**
 * Each workload at each connection count on ours and the baseline side by side: a warm-up each, then
 * alternating turns, so both see the same machine load. Tokens are renewed before they expire.
 */
export async function runSuite(
  servers: SuiteServers,
  signedIn: SignedIn,
  page200: WorkloadContext['page200'],
  plan: RunPlan,
  run: SuiteRun,
  log: (line: string) => void,
): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  let accounts = signedIn;
  for (const workload of run.workloads) {
    for (const connections of run.levels(workload)) {
      accounts = await fresh(accounts, servers.ours.url, servers.databaseUrl);
      const context: WorkloadContext = { typical: accounts.typical, heavy: accounts.heavy, page200 };
      const targets = [
        ['ours', servers.ours] as const,
        ...(servers.baseline ? [['baseline', servers.baseline] as const] : []),
      ];
      const slices: Record<Target, Slice[]> = { ours: [], baseline: [] };
      const load = (target: Target, server: ServerProcess, seconds: number) =>
        runSlice(server, connections, seconds, (n) => workload.request(target, context, n));
      for (const [target, server] of targets) await load(target, server, plan.warmupSeconds);
      // Short turns, taking turns who goes first: both servers see the same background load.
      for (let round = 0; round < plan.rounds; round++) {
        const order = round % 2 ? [...targets].reverse() : targets;
        for (const [target, server] of order)
          slices[target].push(await load(target, server, plan.seconds / plan.rounds));
      }
      const ours = summarize(connections, slices.ours);
      const baseline = servers.baseline ? summarize(connections, slices.baseline) : null;
      const line = (r: LoadResult) =>
        `${r.rps} req/s p50 ${r.p50} p99 ${r.p99} ms cpu ${r.cpuMsPerRequest} ms/req`;
      const base = baseline ? ` | baseline ${line(baseline)}` : '';
      log(
        `  ${workload.key} @${connections}: ours ${line(ours)}${base}` +
          (ours.failures || baseline?.failures
            ? ` (failed: ${ours.failures}/${baseline?.failures ?? 0})`
            : ''),
      );
      measurements.push({
        workload: workload.key,
        title: workload.title,
        kind: workload.kind,
        dataset: run.dataset,
        connections,
        ours,
        baseline,
      });
    }
  }
  return measurements;
}
