import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as pause } from 'node:timers/promises';
import webpush from 'web-push';
import { preparePasswords, signIn } from '../accounts.js';
import { cpuTimeMs } from '../cpu-time.js';
import { call } from '../http-request.js';
import { type LoadResult, runSlice, type Slice, summarize } from '../load.js';
import { type ServerProcess, type ServerSettings, startOurServer } from '../processes.js';
import {
  BURST_RECIPIENT,
  createBurstTasks,
  createBurstUsers,
  type JobStatusCounts,
  jobStatusCounts,
  removeBurstData,
} from './burst-data.js';
import { machineBusyTime } from './machine-busy.js';
import { postgresCpu } from './postgres-cpu.js';
import { startPushEndpoint } from './push-endpoint.js';
import { createSubscriberKeys } from './push-keys.js';
import { startSmtpSink } from './smtp-sink.js';
import { type ChannelCheck, checkTally } from './tally.js';

export const REMINDER_BURST_KEY = 'reminders';

/** Issue 15: 100,000 reminders due in the same minute, two instances delivering, reads going on. */
export interface BurstPlan {
  users: number;
  tasksPerUser: number;
  /** The list-first-page load kept up meanwhile, against instance 1: this many connections… */
  readConnections: number;
  /** …at this many requests per second in all: people reading, not a load test fighting the burst for CPU. */
  readRate: number;
  /** The same load measured before the burst, on the same instances: the reference. */
  quietSeconds: number;
  /** The burst's reads are measured in slices this long until everything has arrived. */
  sliceSeconds: number;
  /** The due minute is the first whole minute at least this far after the users are created. */
  leadSeconds: number;
  budgetSeconds: number;
  /** Gives up waiting this long after the due minute (a slow run still says how slow). */
  deadlineSeconds: number;
}

export function burstPlan({ quick, dev }: { quick: boolean; dev: boolean }): BurstPlan {
  return {
    // --dev is for working on the harness: a tenth of the reminders.
    users: dev ? 100 : 1_000,
    tasksPerUser: 100,
    readConnections: 10,
    readRate: 100,
    quietSeconds: quick ? 5 : 10,
    sliceSeconds: 3,
    leadSeconds: 45,
    budgetSeconds: 120,
    deadlineSeconds: 600,
  };
}

export interface ReminderBurstResult {
  plan: BurstPlan;
  reminders: number;
  dueAt: string;
  /** The one INSERT of the tasks, its triggers queueing the jobs included. */
  insertSeconds: number;
  /** The machine's 1-minute load average just before the due minute. */
  loadAverage: number;
  /** From the due minute to the last reminder's arrival on its slower channel; null when one never came. */
  lastDeliverySeconds: number | null;
  mail: ChannelCheck;
  push: ChannelCheck & {
    endpoints: number;
    /** Endpoints that received other than `tasksPerUser` pushes. */
    endpointsWithOtherCounts: number;
  };
  /** The burst's jobs in reminder_jobs at the end, by status. */
  jobs: JobStatusCounts;
  reads: { quiet: LoadResult; burst: LoadResult };
  /** From the due minute to the end of delivery: each instance's share of a core and CPU per reminder. */
  instances: { instance: 1 | 2; cpuPercent: number | null; cpuMsPerReminder: number | null }[];
  /** PostgreSQL's share of a core over the same window, all its processes; null when not measurable. */
  postgresCpuPercent: number | null;
  /** Both cores' busy share over the same window, everything on the machine included, %. */
  machineBusyPercent: number | null;
  /** The bench process (SMTP sink, push endpoint, load generator): its CPU and event-loop delay. */
  client: { cpuPercent: number; loopDelayP99Ms: number };
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** The first whole minute at least `leadMs` from now. */
const nextMinute = (leadMs: number) => new Date(Math.ceil((Date.now() + leadMs) / 60_000) * 60_000);

/**
 * Two instances of our server deliver `users × tasksPerUser` reminders, all due in the same minute, by
 * mail (to a real SMTP server in this process) and Web Push (to a push endpoint in this process), while a
 * list-first-page load runs against instance 1. Every reminder must arrive exactly once by each channel.
 */
export async function runReminderBurst(
  settings: ServerSettings,
  plan: BurstPlan,
  log: (line: string) => void,
): Promise<ReminderBurstResult> {
  const databaseUrl = settings.databaseUrl;
  const keys = createSubscriberKeys();
  const vapid = webpush.generateVAPIDKeys();
  const smtp = await startSmtpSink(BURST_RECIPIENT);
  const push = await startPushEndpoint();
  const env = {
    MAIL_TRANSPORT: 'smtp',
    SMTP_URL: smtp.url,
    REMINDER_POLL_MS: '1000',
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: 'mailto:bench@example.com',
    PUSH_ENDPOINT_HOSTS: '*',
  };
  const servers: ServerProcess[] = [];
  try {
    await removeBurstData(databaseUrl); // an interrupted run's
    servers.push(await startOurServer(settings, env));
    servers.push(await startOurServer(settings, env));
    const [one] = servers as [ServerProcess, ServerProcess];

    await preparePasswords(one.url, databaseUrl, plan.readConnections);
    const { typical } = await signIn(one.url, databaseUrl, plan.readConnections);
    const readList = (n: number) =>
      call('ours', 'query', 'list', {}, typical[n % typical.length]?.token ?? '');
    await runSlice(one, plan.readConnections, 2, readList, plan.readRate); // warm-up
    const quiet = summarize(plan.readConnections, [
      await runSlice(one, plan.readConnections, plan.quietSeconds, readList, plan.readRate),
    ]);
    log(`  reads before the burst: ${quiet.rps} req/s, p95 ${quiet.p95} ms, p99 ${quiet.p99} ms`);

    await createBurstUsers(databaseUrl, plan.users, push.baseUrl, keys);
    const dueAt = nextMinute(plan.leadSeconds * 1000);
    const { taskIds, insertSeconds } = await createBurstTasks(databaseUrl, plan.tasksPerUser, dueAt);
    const queued = (await jobStatusCounts(databaseUrl, dueAt)).pending ?? 0;
    log(
      `  ${taskIds.length} tasks for ${plan.users} users inserted in ${round(insertSeconds)} s, ` +
        `${queued} reminders queued for ${dueAt.toISOString()}`,
    );
    if (queued !== taskIds.length)
      throw new Error(`expected ${taskIds.length} queued reminders, found ${queued}`);
    if (Date.now() > dueAt.getTime())
      throw new Error('the insert ran past the due minute: raise leadSeconds');

    const readPostgresCpu = await postgresCpu(databaseUrl);
    await pause(dueAt.getTime() - Date.now());
    const loadAverage = round(loadavg()[0] ?? 0, 2);
    const due = dueAt.getTime();
    const expected = taskIds.length;
    const cpuBefore = servers.map((server) => cpuTimeMs(server.pid));
    const postgresBefore = readPostgresCpu();
    const busyBefore = machineBusyTime();
    const clientCpuBefore = process.cpuUsage();
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();

    // Reading goes on until both channels have as many messages as reminders, or the deadline.
    const deadline = due + plan.deadlineSeconds * 1000;
    const arrived = () => smtp.tally.received >= expected && push.received() >= expected;
    const slices: Slice[] = [];
    while (!arrived() && Date.now() < deadline)
      slices.push(await runSlice(one, plan.readConnections, plan.sliceSeconds, readList, plan.readRate));
    const ended = Date.now();
    const cpuAfter = servers.map((server) => cpuTimeMs(server.pid));
    const postgresAfter = readPostgresCpu();
    const busy = machineBusyTime();
    const clientCpu = process.cpuUsage(clientCpuBefore);
    loopDelay.disable();
    const burst = summarize(plan.readConnections, slices);

    // Settling: every job out of pending and sending (or the deadline); a late duplicate would show here.
    let jobs = await jobStatusCounts(databaseUrl, dueAt);
    while ((jobs.pending ?? 0) + (jobs.sending ?? 0) > 0 && Date.now() < deadline + 30_000) {
      await pause(1_000);
      jobs = await jobStatusCounts(databaseUrl, dueAt);
    }
    await pause(2_000);
    jobs = await jobStatusCounts(databaseUrl, dueAt);

    const mail = checkTally(smtp.tally, taskIds, due);
    const pushCheck = checkTally(push.tally(keys), taskIds, due);
    const complete = [mail, pushCheck].every((c) => c.missing === 0);
    const windowSeconds = (ended - due) / 1000;
    return {
      plan,
      reminders: expected,
      dueAt: dueAt.toISOString(),
      insertSeconds: round(insertSeconds),
      loadAverage,
      lastDeliverySeconds: complete ? Math.max(mail.delay.max, pushCheck.delay.max) : null,
      mail,
      push: {
        ...pushCheck,
        endpoints: push.perPath.size,
        endpointsWithOtherCounts:
          plan.users - [...push.perPath.values()].filter((count) => count === plan.tasksPerUser).length,
      },
      jobs,
      reads: { quiet, burst },
      instances: servers.map((_, i) => {
        const before = cpuBefore[i];
        const after = cpuAfter[i];
        const cpuMs = before == null || after == null ? null : after - before;
        return {
          instance: i === 0 ? 1 : 2,
          cpuPercent: cpuMs === null ? null : round(cpuMs / windowSeconds / 10),
          cpuMsPerReminder: cpuMs === null ? null : round(cpuMs / expected, 3),
        };
      }),
      postgresCpuPercent:
        postgresBefore === null || postgresAfter === null
          ? null
          : round((postgresAfter - postgresBefore) / windowSeconds / 10),
      machineBusyPercent:
        busy && busyBefore
          ? round((100 * (busy.busy - busyBefore.busy)) / (busy.total - busyBefore.total))
          : null,
      client: {
        cpuPercent: round((clientCpu.user + clientCpu.system) / 1000 / windowSeconds / 10),
        loopDelayP99Ms: round(loopDelay.percentile(99) / 1e6),
      },
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all([smtp.close(), push.close()]);
    await removeBurstData(databaseUrl);
  }
}
