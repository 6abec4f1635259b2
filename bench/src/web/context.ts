import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where and on what a run measured: the numbers mean little without the machine's load beside them. */
export interface RunContext {
  date: string;
  commit: string;
  node: string;
  lighthouse: string;
  chromium: string;
  cpus: number;
  cpuModel: string;
  /** 1-minute load average when the runs started and when they ended. */
  loadAverage: { start: number; end: number };
  /** The build's initial JavaScript (apps/web/build/bundle-report.ts), gzip kB. */
  initialJsGzipKb: number | null;
  seconds: number;
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'apps/web', 'apps/api/src'], {
      cwd: REPO_ROOT,
    }).toString();
    return dirty.trim() ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

function initialJs(distDir: string | null): number | null {
  const dir = distDir ?? path.join(REPO_ROOT, 'apps/web/dist');
  try {
    const report = JSON.parse(readFileSync(path.join(dir, '.vite/bundle-report.json'), 'utf8'));
    return report.initialJsGzipKb;
  } catch {
    return null;
  }
}

function lighthouseVersion(): string {
  const manifest = fileURLToPath(import.meta.resolve('lighthouse/package.json'));
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

export function describeRun(
  started: { at: Date; load: number },
  chromium: string,
  distDir: string | null,
): RunContext {
  const cpus = os.cpus();
  return {
    date: started.at.toISOString().slice(0, 10),
    commit: commit(),
    node: process.version,
    lighthouse: lighthouseVersion(),
    chromium,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    loadAverage: { start: started.load, end: Math.round((os.loadavg()[0] ?? 0) * 10) / 10 },
    initialJsGzipKb: initialJs(distDir),
    seconds: Math.round((Date.now() - started.at.getTime()) / 1000),
  };
}
