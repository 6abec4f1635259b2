import { randomBytes } from 'node:crypto';
import type { TaskCursor } from '@taskapp/db/queries';
import { preparePasswords, signIn } from './accounts.js';
import { evaluateBudgets } from './budgets.js';
import { readBundleSize } from './bundle.js';
import {
  type Dataset,
  ensureDataset,
  LARGE,
  postgresVersion,
  provideServer,
  SMALL,
  sql,
} from './datasets.js';
import { machineInfo } from './machine.js';
import type { BenchResults, Measurement } from './measurements.js';
import { parseOptions, runPlan } from './options.js';
import { REPO_ROOT, type ServerSettings, startBaselineServer, startOurServer } from './processes.js';
import { renderMarkdown, writeResults } from './report.js';
import { runSuite } from './suite.js';
import { PAGE_SIZE, WORKLOADS, walkToPage } from './workloads.js';

const POOL_MAX = Number(process.env.DATABASE_POOL_MAX ?? 10);
const log = (line: string) => console.log(line);

async function measureSmall(
  dataset: Dataset,
  settings: ServerSettings,
  levels: number[],
): Promise<Measurement[]> {
  log(`\n${dataset.name}: list first page, ours only`);
  const ours = await startOurServer({ ...settings, databaseUrl: dataset.url, nodeFlags: [] });
  try {
    await preparePasswords(ours.url, dataset.url, 50);
    const signedIn = await signIn(ours.url, dataset.url, 50);
    const workloads = WORKLOADS.filter((w) => w.key === 'list-first-page');
    const page200 = { ours: '', baseline: { value: '', id: '' } };
    const servers = { ours, baseline: null, databaseUrl: dataset.url };
    return await runSuite(
      servers,
      signedIn,
      page200,
      plan,
      { workloads, levels: () => levels, dataset: 'small' },
      log,
    );
  } finally {
    await ours.stop();
  }
}

async function measureLarge(dataset: Dataset, settings: ServerSettings): Promise<Measurement[]> {
  log(`\n${dataset.name}: every workload, ours and the baseline`);
  const ours = await startOurServer(settings);
  const baseline = await startBaselineServer(settings).catch(async (error: unknown) => {
    await ours.stop();
    throw error;
  });
  try {
    const users = Math.min(plan.users, dataset.size.users);
    await preparePasswords(ours.url, dataset.url, users);
    const signedIn = await signIn(ours.url, dataset.url, users);
    log(`  signed in ${signedIn.typical.length + 1} users`);
    // Page 200 of 50 needs 10,000 tasks: only the heavy user of the large dataset has them (--dev walks less far).
    const page = Math.min(200, Math.floor(dataset.size.heavyTasks / PAGE_SIZE));
    const page200 = {
      ours: (await walkToPage(ours.url, 'ours', signedIn.heavy.token, page)) as string,
      baseline: (await walkToPage(baseline.url, 'baseline', signedIn.heavy.token, page)) as TaskCursor,
    };
    const workloads = WORKLOADS.filter((w) => !options.only || options.only.includes(w.key));
    // The 1-connection list run is needed for the 1,000,000 vs 10,000 comparison even in quick mode.
    const levels = (w: { key: string }) =>
      w.key === 'list-first-page' && !plan.levels.includes(1) ? [1, ...plan.levels] : plan.levels;
    return await runSuite(
      { ours, baseline, databaseUrl: dataset.url },
      signedIn,
      page200,
      plan,
      {
        workloads,
        levels,
        dataset: 'large',
      },
      log,
    );
  } finally {
    await Promise.all([ours.stop(), baseline.stop()]);
  }
}

const options = parseOptions(process.argv.slice(2));
const plan = runPlan(options);

async function main(): Promise<number> {
  const started = Date.now();
  const server = await provideServer();
  try {
    const small = await ensureDataset(server, 'taskapp_bench_10k', SMALL, log);
    const large = options.dev ? small : await ensureDataset(server, 'taskapp_bench_1m', LARGE, log);
    const settings: ServerSettings = {
      databaseUrl: large.url,
      authSecret: randomBytes(32).toString('base64url'),
      poolMax: POOL_MAX,
      nodeFlags: options.profile ? ['--cpu-prof', `--cpu-prof-dir=${REPO_ROOT}bench/results/profiles`] : [],
    };
    // The small dataset first: it is quick, so a problem shows before the long part.
    const smallMeasurements = await measureSmall(small, settings, options.quick ? [1] : [1, 10]);
    const measurements = [...(await measureLarge(large, settings)), ...smallMeasurements];
    await Promise.all(
      [small, large].map((d) => sql(d.url, 'delete from tasks where title like $1', ['Bench write%'])),
    );
    const bundle = await readBundleSize();
    const results: BenchResults = {
      date: new Date().toISOString().slice(0, 10),
      mode: options.dev ? 'dev' : options.quick ? 'quick' : 'full',
      machine: machineInfo(await postgresVersion(large.url)),
      datasets: [...new Set([small, large])].map((d) => ({
        name: d.name,
        users: d.size.users + 1,
        tasks: d.tasks,
        heavyUserTasks: d.size.heavyTasks,
      })),
      poolMax: POOL_MAX,
      usersRotated: plan.users,
      measurements,
      bundle,
      budgets: evaluateBudgets(measurements, bundle),
    };
    const file = await writeResults(results);
    log(`\n${renderMarkdown(results)}`);
    log(`wrote ${file} in ${Math.round((Date.now() - started) / 1000)} s`);
    const missed = results.budgets.filter((b) => !b.pass);
    if (missed.length) log(`${missed.length} budget(s) missed: ${missed.map((b) => b.name).join('; ')}`);
    return options.check && missed.length ? 1 : 0;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
