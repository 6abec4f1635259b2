import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from './load.js';
import type { BenchResults, Measurement } from './measurements.js';
import type { ReminderBurstResult } from './reminder-burst/burst.js';
import type { SyncSoakResult } from './sync-soak/soak.js';

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

const latencies = (r: LoadResult) => `${r.p50} / ${r.p95} / ${r.p99}`;
const times = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : '–');

function measurementRow(m: Measurement): string {
  const b = m.baseline;
  const cpu = (r: LoadResult | null) => r?.cpuMsPerRequest ?? '–';
  return `| ${m.title} | ${m.connections} | ${m.ours.rps} | ${b?.rps ?? '–'} | ${times(m.ours.rps, b?.rps)} | ${latencies(m.ours)} | ${b ? latencies(b) : '–'} | ${times(m.ours.p99, b?.p99)} | ${cpu(m.ours)} / ${cpu(b)} | ${m.ours.failures + (b?.failures ?? 0)} |`;
}

function sessionCacheSection(measurements: Measurement[]): string[] {
  const rows = measurements.filter((m) => m.jwtOnlyBaseline && m.baseline);
  if (!rows.length) return [];
  return [
    '## Session cache: the list against a baseline that verifies the JWT and runs only the list statement',
    '',
    'The JWT-only baseline skips the session-row check, as an API with live sessions in memory can (issue #14).',
    '',
    '| workload | conns | ours req/s | baseline req/s | ratio | JWT-only baseline req/s | ratio | CPU ms/req ours / baseline / JWT-only |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((m) => {
      const b = m.baseline as LoadResult;
      const j = m.jwtOnlyBaseline as LoadResult;
      const cpu = [m.ours, b, j].map((r) => r.cpuMsPerRequest ?? '–').join(' / ');
      return `| ${m.title} | ${m.connections} | ${m.ours.rps} | ${b.rps} | ${times(m.ours.rps, b.rps)} | ${j.rps} | ${times(m.ours.rps, j.rps)} | ${cpu} |`;
    }),
    '',
  ];
}

function syncSoakSection(soak: SyncSoakResult | null): string[] {
  if (!soak) return [];
  const { plan, deliveries: d, writes } = soak;
  const latency = (l: typeof d.crossInstance) => `${l.p50} / ${l.p95} / ${l.p99} / ${l.max} (${l.samples})`;
  return [
    '## Live sync soak (two instances of ours, one database)',
    '',
    `${soak.streams} \`sync.events\` streams (${plan.users} users × ${plan.streamsPerUser}, alternating between the instances) for ${plan.seconds} s; ` +
      `each stream drops its connection after ${plan.lifetimeMs.min / 1000}–${plan.lifetimeMs.max / 1000} s and resumes with Last-Event-ID ` +
      `${plan.reconnectDelayMs.min}–${plan.reconnectDelayMs.max} ms later (${soak.connects} connections opened). ` +
      `Tasks created through instance 2: ${writes.ok} (${writes.perSecond}/s; ${writes.failed} failed, ${writes.skipped} skipped ` +
      `with 50 in flight), answered in p50 ${writes.latency.p50} / p95 ${writes.latency.p95} ms.`,
    '',
    '| change-to-delivery (from just before the write is sent) | p50 / p95 / p99 / max ms (samples) |',
    '|---|---:|',
    `| instance 2 → streams on instance 1 | ${latency(d.crossInstance)} |`,
    `| instance 2 → streams on instance 2 | ${latency(d.sameInstance)} |`,
    '',
    `Deliveries: ${d.delivered} of ${d.expected} expected; lost ${d.lost}, duplicated ${d.duplicated}, out of order ${d.outOfOrder}, ` +
      `unexpected ${d.unexpected}; ${d.backfilled} replayed on resume (not timed). Failed stream opens ${soak.connectFailures}, ` +
      `streams the server ended ${soak.serverEnds}, stream errors ${soak.streamErrors}. ` +
      `The bench process itself used ${soak.client.cpuPercent} % of a core; its event loop ran up to ${soak.client.loopDelayP99Ms} ms late (p99).`,
    '',
    `| instance | CPU % of a core | heap MB idle → after ${plan.warmupSeconds} s → end | heap floor per quarter after warm-up, MB | floor slope MB/min | RSS MB idle → after warm-up → end | RSS floor per quarter, MB | floor slope MB/min | most waiting for a DB connection |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...soak.instances.map(({ instance, cpuPercent, memory: m }) => {
      const heap = `${m.idle.heapUsedMb} → ${m.start.heapUsedMb} → ${m.end.heapUsedMb}`;
      const rss = `${m.idle.rssMb} → ${m.start.rssMb} → ${m.end.rssMb}`;
      const heapFloors = m.floors.map((f) => f.heapUsedMb).join(', ');
      const rssFloors = m.floors.map((f) => f.rssMb).join(', ');
      return `| ${instance} | ${cpuPercent ?? '–'} | ${heap} | ${heapFloors} | ${m.heapFloorMbPerMinute} | ${rss} | ${rssFloors} | ${m.rssFloorMbPerMinute} | ${m.maxPoolWaiting} |`;
    }),
    '',
  ];
}

function reminderBurstSection(burst: ReminderBurstResult | null | undefined): string[] {
  if (!burst) return [];
  const { plan, mail, push, reads } = burst;
  const channel = (name: string, c: ReminderBurstResult['mail']) =>
    `| ${name} | ${c.received} | ${c.delivered} / ${c.expected} | ${c.missing} | ${c.duplicates} | ${c.unexpected} | ${c.delay.p50} / ${c.delay.p95} / ${c.delay.max} |`;
  const read = (name: string, r: LoadResult) =>
    `| ${name} | ${r.seconds} | ${r.rps} | ${latencies(r)} | ${r.cpuMsPerRequest ?? '–'} | ${r.failures} |`;
  const jobs = Object.entries(burst.jobs)
    .map(([status, count]) => `${status} ${count.toLocaleString('en')}`)
    .join(', ');
  return [
    '## Reminder burst (two instances of ours, one database)',
    '',
    `${burst.reminders.toLocaleString('en')} reminders (${plan.users} verified users × ${plan.tasksPerUser} tasks, email and push on, one push subscription each) ` +
      `due at ${burst.dueAt}, inserted in one statement in ${burst.insertSeconds} s. Both instances poll every second ` +
      `(REMINDER_POLL_MS=1000) and send to an SMTP server and a push endpoint in the bench process. ` +
      `Load average when the minute came: ${burst.loadAverage}.`,
    '',
    `**Last delivery: ${burst.lastDeliverySeconds ?? '–'} s after the due minute** (budget ${plan.budgetSeconds} s).`,
    '',
    '| channel | messages received | reminders delivered | missing | duplicates | unexpected | delay from the minute p50 / p95 / max s |',
    '|---|---:|---:|---:|---:|---:|---:|',
    channel('mail (SMTP)', mail),
    channel('Web Push', push),
    '',
    `Push endpoints: ${push.endpoints}, of which ${push.endpointsWithOtherCounts} received other than ${plan.tasksPerUser}. ` +
      `Jobs at the end: ${jobs}.`,
    '',
    `| list first page, ${plan.readConnections} connections at ${plan.readRate} req/s, instance 1 | s | req/s | p50 / p95 / p99 ms | CPU ms/req | failed |`,
    '|---|---:|---:|---:|---:|---:|',
    read('before the burst', reads.quiet),
    read('during the burst', reads.burst),
    '',
    `| instance | CPU % of a core (minute → end of delivery) | CPU ms per reminder |`,
    '|---|---:|---:|',
    ...burst.instances.map(
      (i) => `| ${i.instance} | ${i.cpuPercent ?? '–'} | ${i.cpuMsPerReminder ?? '–'} |`,
    ),
    '',
    `PostgreSQL used ${burst.postgresCpuPercent ?? '–'} % of a core; both cores were ${burst.machineBusyPercent ?? '–'} % busy over the same window (anything else on the machine included); ` +
      `the bench process used ${burst.client.cpuPercent} % of a core, its event loop up to ${burst.client.loopDelayP99Ms} ms late (p99).`,
    '',
  ];
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
    ...sessionCacheSection(large),
    ...(small.length
      ? [
          '## The same list on the 10,000-task dataset (ours only)',
          '',
          header,
          ...small.map(measurementRow),
          '',
        ]
      : []),
    ...syncSoakSection(results.syncSoak),
    ...reminderBurstSection(results.reminderBurst),
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

/** bench/results/<date>[-quick][-<part>].md and its JSON twin; returns the Markdown path. */
export async function writeResults(results: BenchResults, part: string | null = null): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const mode = results.mode === 'full' ? '' : `-${results.mode}`;
  const base = `${RESULTS_DIR}${results.date}${mode}${part ? `-${part}` : ''}`;
  await writeFile(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(`${base}.md`, renderMarkdown(results));
  return `${base}.md`;
}
