import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const apiDir = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  logs: string[];
  exited: Promise<number | null>;
}

/** Runs src/main.ts as its own process (as `pnpm dev` would) and waits until it listens. */
export async function spawnServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@taskapp/source', 'src/main.ts'], {
    cwd: apiDir,
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${logs.join('')}`)), 30_000);
    let listening = false;
    const onData = (chunk: Buffer) => {
      logs.push(chunk.toString());
      // Scanned only until start-up: joining every log line again per chunk would grow quadratically.
      if (listening) return;
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*taskapp is listening/.exec(logs.join(''));
      if (match?.[1]) {
        listening = true;
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    exited.then((code) => reject(new Error(`server exited with ${code}:\n${logs.join('')}`)));
  });
  return { child, url, logs, exited };
}
