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
 * Each workload at each connection count on ours and the baseline side by side (and the JWT-only
 * baseline where the workload asks): a warm-up each, then turns in rotating order, so all see the same
 * machine load. Tokens are renewed before they expire.
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
      const targets: [Target, ServerProcess][] = [['ours', servers.ours]];
      if (servers.baseline) targets.push(['baseline', servers.baseline]);
      if (servers.baseline && workload.jwtOnlyBaseline) targets.push(['jwtOnlyBaseline', servers.baseline]);
      const slices: Record<Target, Slice[]> = { ours: [], baseline: [], jwtOnlyBaseline: [] };
      const load = (target: Target, server: ServerProcess, seconds: number) =>
        runSlice(server, connections, seconds, (n) => workload.request(target, context, n));
      await workload.fixtures?.setUp(servers.databaseUrl, context);
      try {
        for (const [target, server] of targets) await load(target, server, plan.warmupSeconds);
        // Short turns, rotating who goes first: every server sees the same background load.
        for (let round = 0; round < plan.rounds; round++) {
          const order = [
            ...targets.slice(round % targets.length),
            ...targets.slice(0, round % targets.length),
          ];
          for (const [target, server] of order)
            slices[target].push(await load(target, server, plan.seconds / plan.rounds));
        }
      } finally {
        const warning = await workload.fixtures?.tearDown(servers.databaseUrl);
        if (warning) log(`  ${workload.key} @${connections}: ${warning}`);
      }
      const ours = summarize(connections, slices.ours);
      const baseline = servers.baseline ? summarize(connections, slices.baseline) : null;
      const jwtOnlyBaseline = slices.jwtOnlyBaseline.length
        ? summarize(connections, slices.jwtOnlyBaseline)
        : null;
      const line = (r: LoadResult) =>
        `${r.rps} req/s p50 ${r.p50} p99 ${r.p99} ms cpu ${r.cpuMsPerRequest} ms/req`;
      const base = baseline ? ` | baseline ${line(baseline)}` : '';
      const jwtOnly = jwtOnlyBaseline ? ` | JWT-only baseline ${line(jwtOnlyBaseline)}` : '';
      const failed = ours.failures + (baseline?.failures ?? 0) + (jwtOnlyBaseline?.failures ?? 0);
      log(
        `  ${workload.key} @${connections}: ours ${line(ours)}${base}${jwtOnly}` +
          (failed ? ` (failed: ${failed})` : ''),
      );
      measurements.push({
        workload: workload.key,
        title: workload.title,
        kind: workload.kind,
        dataset: run.dataset,
        connections,
        ours,
        baseline,
        ...(jwtOnlyBaseline ? { jwtOnlyBaseline } : {}),
      });
    }
  }
  return measurements;
}
