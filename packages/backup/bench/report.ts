export interface Timed {
  seconds: number;
  peakRssMb: number;
}

export interface Round {
  ours: { bytes: number; backup: Timed; restore: Timed; verify?: Timed };
  pg: { bytes: number; dump: Timed; restore: Timed };
}

export interface Budget {
  name: string;
  /** ours ÷ pg_dump's (or pg_restore's), or ours alone for memory. */
  value: number;
  limit: number;
  ok: boolean;
}

export interface BenchReport {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    postgres: string;
    tools: string;
  };
  /** 1, 5 and 15 minute load averages when the run started and ended: other work shares the machine. */
  load: { before: number[]; after: number[] };
  dataset: { name: string; tasks: number; users: number };
  gzipLevel: number;
  rounds: Round[];
  median: Round;
  budgets: Budget[];
}

const middle = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[half] ?? 0) : ((sorted[half - 1] ?? 0) + (sorted[half] ?? 0)) / 2;
};

const medianTimed = (list: Timed[]): Timed => ({
  seconds: Number(middle(list.map((timed) => timed.seconds)).toFixed(1)),
  peakRssMb: Math.round(middle(list.map((timed) => timed.peakRssMb))),
});

/** Each measurement's median over the rounds. */
export function median(rounds: Round[]): Round {
  const verifies = rounds.flatMap((round) => (round.ours.verify ? [round.ours.verify] : []));
  return {
    ours: {
      bytes: middle(rounds.map((round) => round.ours.bytes)),
      backup: medianTimed(rounds.map((round) => round.ours.backup)),
      restore: medianTimed(rounds.map((round) => round.ours.restore)),
      verify: verifies.length ? medianTimed(verifies) : undefined,
    },
    pg: {
      bytes: middle(rounds.map((round) => round.pg.bytes)),
      dump: medianTimed(rounds.map((round) => round.pg.dump)),
      restore: medianTimed(rounds.map((round) => round.pg.restore)),
    },
  };
}

const ratio = (ours: number, theirs: number) => Number((ours / theirs).toFixed(2));

/** Issue 19's budgets. */
export function budgetsOf(result: Round): Budget[] {
  const budget = (name: string, value: number, limit: number): Budget => ({
    name,
    value,
    limit,
    ok: value <= limit,
  });
  const peak = Math.max(
    result.ours.backup.peakRssMb,
    result.ours.restore.peakRssMb,
    result.ours.verify?.peakRssMb ?? 0,
  );
  return [
    budget('file size ÷ pg_dump -Fc', ratio(result.ours.bytes, result.pg.bytes), 1.5),
    budget('backup time ÷ pg_dump -Fc', ratio(result.ours.backup.seconds, result.pg.dump.seconds), 1.5),
    budget(
      'restore time ÷ pg_restore -j 2',
      ratio(result.ours.restore.seconds, result.pg.restore.seconds),
      2,
    ),
    budget('peak RSS of backup, restore and verify (MB)', peak, 200),
  ];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const perMillion = (seconds: number, tasks: number) => (seconds / (tasks / 1_000_000)).toFixed(0);

export function markdownReport(report: BenchReport): string {
  const { median: result, dataset, machine } = report;
  const rows = [
    ['file size', mb(result.ours.bytes), mb(result.pg.bytes)],
    ['backup time', `${result.ours.backup.seconds} s`, `${result.pg.dump.seconds} s`],
    ['restore time', `${result.ours.restore.seconds} s`, `${result.pg.restore.seconds} s`],
    [
      'verify time (restore into a scratch database, checks, drop)',
      result.ours.verify ? `${result.ours.verify.seconds} s` : '–',
      '–',
    ],
    [
      'peak RSS backup / restore / verify',
      `${result.ours.backup.peakRssMb} / ${result.ours.restore.peakRssMb} / ${result.ours.verify?.peakRssMb ?? '–'} MB`,
      `${result.pg.dump.peakRssMb} / ${result.pg.restore.peakRssMb} / – MB`,
    ],
    [
      'recovery time per million tasks (restore)',
      `${perMillion(result.ours.restore.seconds, dataset.tasks)} s`,
      `${perMillion(result.pg.restore.seconds, dataset.tasks)} s`,
    ],
  ];
  const lines = [
    `# Backup benchmark ${report.date.slice(0, 10)}`,
    '',
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB RAM; Node ${machine.node}; PostgreSQL ${machine.postgres}; ${machine.tools}.`,
    `Load average (1/5/15 min) at the start ${report.load.before.join(' / ')}, at the end ${report.load.after.join(' / ')}: other jobs shared the 2 CPUs, so times are noisy.`,
    `Dataset \`${dataset.name}\`: ${dataset.users.toLocaleString('en')} users, ${dataset.tasks.toLocaleString('en')} tasks (packages/db/test-scale/generate.ts). gzip level ${report.gzipLevel}.`,
    `${report.rounds.length} round(s); medians below. Times are whole processes (ours: the CLI that \`pnpm db:backup\` / \`db:restore\` / \`db:backup:verify\` run, Node start-up included), peak RSS from GNU time.`,
    '',
    '| | ours (`db:backup` / `db:restore`) | `pg_dump -Fc` / `pg_restore -j 2` |',
    '|---|---:|---:|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    '## Budgets (issue 19)',
    '',
    '| budget | value | limit | |',
    '|---|---:|---:|---|',
    ...report.budgets.map(
      (budget) =>
        `| ${budget.name} | ${budget.value} | ${budget.limit} | ${budget.ok ? 'ok' : '**missed**'} |`,
    ),
    '',
  ];
  if (report.rounds.length > 1) {
    lines.push('## Rounds', '', '```json', JSON.stringify(report.rounds, null, 1), '```', '');
  }
  return `${lines.join('\n')}\n`;
}
