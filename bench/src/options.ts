export interface BenchOptions {
  /** Exit non-zero when a budget is missed. */
  check: boolean;
  /** Shorter runs, 10 connections only (plus 1 for the scale comparison): a CI-sized check. */
  quick: boolean;
  /** Both datasets small: for working on the harness itself; the numbers mean little. */
  dev: boolean;
  /** Only these workloads (keys from workloads.ts). */
  only: string[] | null;
  /** Writes a V8 CPU profile of our server to bench/results/profiles/. */
  profile: boolean;
}

export function parseOptions(argv: string[]): BenchOptions {
  const only = argv.find((arg) => arg.startsWith('--only='));
  const known = ['--check', '--quick', '--dev', '--profile'];
  const unknown = argv.filter((arg) => !known.includes(arg) && !arg.startsWith('--only=') && arg !== '--');
  if (unknown.length)
    throw new Error(`unknown option(s): ${unknown.join(' ')} (known: ${known.join(' ')} --only=a,b)`);
  return {
    check: argv.includes('--check'),
    quick: argv.includes('--quick'),
    dev: argv.includes('--dev'),
    only: only ? only.slice('--only='.length).split(',') : null,
    profile: argv.includes('--profile'),
  };
}

export interface RunPlan {
  /** Seconds measured per workload, connection count and server. */
  seconds: number;
  /** Seconds of unrecorded load first (JIT, caches, pool). */
  warmupSeconds: number;
  /** Turns the measured seconds are split into, alternating between the servers. */
  rounds: number;
  levels: number[];
  /** Users signed in and rotated over. */
  users: number;
}

export function runPlan(options: BenchOptions): RunPlan {
  return options.quick
    ? { seconds: 4, warmupSeconds: 1, rounds: 2, levels: [10], users: 100 }
    : { seconds: 10, warmupSeconds: 2, rounds: 5, levels: [1, 10, 50], users: 200 };
}
