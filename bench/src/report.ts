import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from './load.js';
import type { BenchResults, Measurement } from './measurements.js';

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

const latencies = (r: LoadResult) => `${r.p50} / ${r.p95} / ${r.p99}`;
const times = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '–');

function measurementRow(m: Measurement): string {
  const b = m.baseline;
  const cpu = (r: LoadResult | null) => r?.cpuMsPerRequest ?? '–';
  return `| ${m.title} | ${m.connections} | ${m.ours.rps} | ${b?.rps ?? '–'} | ${times(m.ours.rps, b?.rps)} | ${latencies(m.ours)} | ${b ? latencies(b) : '–'} | ${times(m.ours.p99, b?.p99)} | ${cpu(m.ours)} / ${cpu(b)} | ${m.ours.failures + (b?.failures ?? 0)} |`;
}

export function renderMarkdown(results: BenchResults): string {
  const { machine } = results;
  const large = results.measurements.filter((m) => m.dataset === 'large');
  const small = results.measurements.filter((m) => m.dataset === 'small');
  const header =
    '| workload | conns | ours req/s | baseline req/s | throughput ratio | ours p50 / p95 / p99 ms | baseline p50 / p95 / p99 ms | p99 ratio | CPU ms/req ours / baseline | failed |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  return [
    `# Benchmark ${results.date} (${results.mode})`,
    '',
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB RAM, ${machine.platform}; Node ${machine.node}; PostgreSQL ${machine.postgres}.`,
    `Pool: ${results.poolMax} connections per server; requests rotate over ${results.usersRotated} signed-in users.`,
    '',
    ...results.datasets.map(
      (d) =>
        `- dataset \`${d.name}\`: ${d.users.toLocaleString('en')} users, ${d.tasks.toLocaleString('en')} tasks (heavy user: ${d.heavyUserTasks.toLocaleString('en')})`,
    ),
    '',
    '## Ours (production build: Express + tRPC + superjson + MikroORM) vs the baseline (node:http + pg, same SQL)',
    '',
    header,
    ...large.map(measurementRow),
    '',
    ...(small.length
      ? [
          '## The same list on the 10,000-task dataset (ours only)',
          '',
          header,
          ...small.map(measurementRow),
          '',
        ]
      : []),
    `## Web bundle`,
    '',
    results.bundle
      ? `Initial JavaScript: ${results.bundle.initialJsGzipKb} kB gzip (budget ${results.bundle.limitKb} kB).`
      : 'Not measured: no apps/web/dist/.vite/bundle-report.json (run `pnpm build`).',
    '',
    '## Budgets',
    '',
    '| budget | value | limit | |',
    '|---|---:|---|---|',
    ...results.budgets.map(
      (b) => `| ${b.name} | ${b.value} | ${b.limit} | ${b.pass ? 'pass' : '**FAIL**'} |`,
    ),
    '',
  ].join('\n');
}

/** bench/results/<date>[-quick].md and its JSON twin; returns the Markdown path. */
export async function writeResults(results: BenchResults): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const base = `${RESULTS_DIR}${results.date}${results.mode === 'full' ? '' : `-${results.mode}`}`;
  await writeFile(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(`${base}.md`, renderMarkdown(results));
  return `${base}.md`;
}
