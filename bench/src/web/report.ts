import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type PageMedians, WEB_BUDGETS } from './budgets.js';
import type { RunContext } from './context.js';
import type { RunSummary } from './lighthouse-run.js';

export interface PageResult {
  key: string;
  title: string;
  path: string;
  runs: (RunSummary & { seconds: number })[];
  medians: PageMedians;
  misses: string[];
}

export interface WebBenchResults {
  context: RunContext;
  budgets: typeof WEB_BUDGETS;
  pages: PageResult[];
}

const RESULTS_DIR = fileURLToPath(new URL('../../results/', import.meta.url));

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ms = (value: number) => `${Math.round(value)} ms`;
const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
const scores = (s: PageMedians['scores']) => `${s.performance} / ${s.accessibility} / ${s['best-practices']}`;

function pageRow(page: PageResult): string {
  const { scores: s, metrics: m, bytes: b } = page.medians;
  const verdict = page.misses.length ? `**missed**: ${page.misses.join('; ')}` : 'pass';
  return `| ${page.title} | ${scores(s)} | ${seconds(m.fcp)} | ${seconds(m.lcp)} | ${ms(m.tbt)} | ${seconds(m.speedIndex)} | ${m.cls.toFixed(3)} | ${kib(b.total)} | ${kib(b.unusedJs)} | ${verdict} |`;
}

function runRows(page: PageResult): string[] {
  return page.runs.map(
    (run, i) =>
      `| ${page.key} #${i + 1} | ${scores(run.scores)} | ${seconds(run.metrics.fcp)} | ${seconds(run.metrics.lcp)} | ${ms(run.metrics.tbt)} | ${seconds(run.metrics.speedIndex)} | ${run.metrics.cls.toFixed(3)} | ${run.benchmarkIndex} | ${run.seconds} s |`,
  );
}

/** Every audit that held a score back in any run, with how many runs it failed in. */
function failedAuditLines(page: PageResult): string[] {
  const seen = new Map<string, { line: string; runs: number }>();
  for (const run of page.runs) {
    for (const audit of run.failedAudits) {
      const line = `${audit.category}: \`${audit.id}\` ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`;
      const entry = seen.get(audit.id) ?? { line, runs: 0 };
      entry.runs += 1;
      seen.set(audit.id, entry);
    }
  }
  const errors = new Set(page.runs.flatMap((run) => run.consoleErrors));
  return [
    ...[...seen.values()].map(({ line, runs }) => `- ${line}: ${runs} of ${page.runs.length} runs`),
    ...[...errors].map((error) => `- console error: ${error}`),
  ];
}

export function renderWebMarkdown({ context: c, pages }: WebBenchResults): string {
  const b = WEB_BUDGETS;
  return [
    `# Web performance on a phone (${c.date})`,
    '',
    `Lighthouse ${c.lighthouse}, mobile defaults (simulated slow 4G, 4× CPU slowdown), Chromium ${c.chromium}, ` +
      `against the production server (\`node apps/api/dist/main.js\`, NODE_ENV=production, embedded PostgreSQL). ` +
      `Commit ${c.commit}; Node ${c.node}; ${c.cpus} × ${c.cpuModel}; load average ${c.loadAverage.start} at the start, ` +
      `${c.loadAverage.end} at the end (the machine is shared: simulated timings scale with the CPU time each task took here). ` +
      `Initial JS ${c.initialJsGzipKb ?? '?'} kB gzip. ${pages[0]?.runs.length ?? 0} runs per page, ${c.seconds} s in all.`,
    '',
    `Budgets on every page, against each number's median: performance ≥ ${b.minScores.performance}, accessibility ${b.minScores.accessibility}, ` +
      `best practices ${b.minScores['best-practices']}, LCP ≤ ${seconds(b.maxLcpMs)}, TBT ≤ ${b.maxTbtMs} ms.`,
    '',
    '| page | perf / a11y / best practices | FCP | LCP | TBT | Speed Index | CLS | bytes | unused JS | budgets |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...pages.map(pageRow),
    '',
    '## Every run',
    '',
    "The benchmark index is Lighthouse's own measure of the machine's speed during the run (higher is faster): " +
      'when other work shares the CPUs it drops, and the simulated CPU times (observed × 4) rise with it.',
    '',
    '| run | perf / a11y / best practices | FCP | LCP | TBT | Speed Index | CLS | benchmark index | took |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...pages.flatMap(runRows),
    '',
    '## What held scores back',
    '',
    ...pages.flatMap((page) => {
      const lines = failedAuditLines(page);
      return [`**${page.title}** (\`${page.path}\`): ${lines.length ? '' : 'nothing'}`, ...lines, ''];
    }),
  ].join('\n');
}

/** bench/results/<date>-web.md and .json (`-web-only-<keys>` for a subset, so it never replaces a full run). */
export async function writeWebResults(results: WebBenchResults, only: string[] | null): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const name = `${results.context.date}-web${only ? `-only-${only.join('-')}` : ''}`;
  await writeFile(`${RESULTS_DIR}${name}.json`, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(`${RESULTS_DIR}${name}.md`, `${renderWebMarkdown(results)}\n`);
  return `bench/results/${name}.md`;
}
