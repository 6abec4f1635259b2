import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Measured {
  /** Wall-clock time of the whole process, start to exit. */
  seconds: number;
  /** Peak resident set size of the process (GNU time's %M). */
  peakRssMb: number;
  stdout: string;
}

/**
 * Runs a command under GNU time (/usr/bin/time) and returns its wall time and peak RSS; fails with its
 * output when it exits non-zero.
 */
export async function measure(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<Measured> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-backup-time-'));
  const timeFile = path.join(dir, 'time.txt');
  try {
    const started = performance.now();
    const { code, stdout, stderr } = await run(
      '/usr/bin/time',
      ['-f', '%M', '-o', timeFile, command, ...args],
      options,
    );
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr}${stdout}`);
    const maxRssKb = Number((await readFile(timeFile, 'utf8')).trim().split('\n').at(-1));
    return { seconds, peakRssMb: Math.round(maxRssKb / 1024), stdout };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
