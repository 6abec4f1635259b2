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
import {
  burstPlan,
  REMINDER_BURST_KEY,
  type ReminderBurstResult,
  runReminderBurst,
} from './reminder-burst/burst.js';
import { renderMarkdown, writeResults } from './report.js';
import { runSuite } from './suite.js';
import { runSyncSoak, SYNC_SOAK_KEY, type SyncSoakResult, soakPlan } from './sync-soak/soak.js';
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
    const levels = (w: { key: string; maxConnections?: number }) =>
      (w.key === 'list-first-page' && !plan.levels.includes(1) ? [1, ...plan.levels] : plan.levels).filter(
        (connections) => connections <= (w.maxConnections ?? Number.POSITIVE_INFINITY),
      );
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

async function measureSyncSoak(dataset: Dataset, settings: ServerSettings): Promise<SyncSoakResult> {
  log(`\n${dataset.name}: live sync soak, two instances of ours`);
  const result = await runSyncSoak(settings, soakPlan(options.quick), log);
  const { deliveries: d, writes } = result;
  const latency = (l: typeof d.crossInstance) => `p50 ${l.p50} p95 ${l.p95} p99 ${l.p99} ms (${l.samples})`;
  log(
    `  writes ${writes.ok} ok (${writes.perSecond}/s, answered p50 ${writes.latency.p50} p95 ${writes.latency.p95} ms), ` +
      `${writes.failed} failed; connects ${result.connects}; bench process ${result.client.cpuPercent} % CPU, ` +
      `loop delay p99 ${result.client.loopDelayP99Ms} ms`,
  );
  log(
    `  delivered ${d.delivered}/${d.expected}, lost ${d.lost}, duplicated ${d.duplicated}, backfilled ${d.backfilled}`,
  );
  log(`  instance 2 → instance 1: ${latency(d.crossInstance)}; same instance: ${latency(d.sameInstance)}`);
  for (const { instance, memory: m } of result.instances)
    log(
      `  instance ${instance}: heap ${m.start.heapUsedMb} → ${m.end.heapUsedMb} MB, floors ${m.floors.map((f) => f.heapUsedMb).join(', ')} (${m.heapFloorMbPerMinute} MB/min); ` +
        `RSS ${m.start.rssMb} → ${m.end.rssMb} MB, floors ${m.floors.map((f) => f.rssMb).join(', ')} (${m.rssFloorMbPerMinute} MB/min); ` +
        `pool waiting ≤ ${m.maxPoolWaiting}`,
    );
  return result;
}

async function measureReminderBurst(
  dataset: Dataset,
  settings: ServerSettings,
): Promise<ReminderBurstResult> {
  log(`\n${dataset.name}: reminder burst, two instances of ours`);
  const result = await runReminderBurst(settings, burstPlan(options), log);
  const channel = (name: string, c: ReminderBurstResult['mail']) =>
    `  ${name}: ${c.delivered}/${c.expected} delivered, ${c.missing} missing, ${c.duplicates} duplicates, ` +
    `${c.unexpected} unexpected; delay p50 ${c.delay.p50} p95 ${c.delay.p95} max ${c.delay.max} s`;
  log(channel('mail', result.mail));
  log(channel('push', result.push));
  const { quiet, burst } = result.reads;
  log(
    `  last delivery ${result.lastDeliverySeconds ?? '–'} s after the due minute; jobs ${JSON.stringify(result.jobs)}; ` +
      `reads ${quiet.rps} → ${burst.rps} req/s, p95 ${quiet.p95} → ${burst.p95} ms, p99 ${quiet.p99} → ${burst.p99} ms`,
  );
  return result;
}

const options = parseOptions(process.argv.slice(2));
const plan = runPlan(options);
// --only picks workloads of the suite, the soak (sync-soak), the reminder burst (reminders), or several.
const runsSuite = !options.only || options.only.some((key) => WORKLOADS.some((w) => w.key === key));
const runsSoak = !options.only || options.only.includes(SYNC_SOAK_KEY);
const runsReminderBurst = !options.only || options.only.includes(REMINDER_BURST_KEY);

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
    const smallMeasurements = runsSuite
      ? await measureSmall(small, settings, options.quick ? [1] : [1, 10])
      : [];
    const measurements = [...(runsSuite ? await measureLarge(large, settings) : []), ...smallMeasurements];
    const syncSoak = runsSoak ? await measureSyncSoak(large, { ...settings, nodeFlags: [] }) : null;
    // With --profile, both instances write a CPU profile of the burst too.
    const reminderBurst = runsReminderBurst ? await measureReminderBurst(large, settings) : null;
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
      syncSoak,
      reminderBurst,
      bundle,
      budgets: evaluateBudgets(measurements, bundle, syncSoak, reminderBurst),
    };
    // A partial run is written apart, so it never replaces the full run of the day.
    const file = await writeResults(results, options.only ? `only-${options.only.join('+')}` : null);
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
