import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningPostgres, startEmbeddedPostgres, urlFor } from '@taskapp/db';
import { startTcpForwarder } from './tcp-forwarder.js';

/** A PostgreSQL of the test's own that it can stop (fast shutdown) and start again behind the same URL. */
export interface RestartablePostgres {
  /** Superuser URL of its `postgres` database; stays the same across restarts. */
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops everything and deletes the cluster. */
  dispose(): Promise<void>;
}

const portOf = (url: string) => Number(new URL(url).port);

export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const root = mkdtempSync(path.join(tmpdir(), 'taskapp-restart-'));
  chmodSync(root, 0o755); // as root, PostgreSQL runs as the postgres user, who must reach the folder
  const dataDir = path.join(root, 'postgres');
  // Not a throwaway cluster: those are deleted on stop, and this one must come back with its data.
  let running: RunningPostgres = await startEmbeddedPostgres({ dataDir });
  const forwarder = await startTcpForwarder(portOf(running.url));
  return {
    url: urlFor(forwarder.port),
    async stop() {
      await running.stop();
      await forwarder.pause();
    },
    async start() {
      running = await startEmbeddedPostgres({ dataDir });
      await forwarder.resume(portOf(running.url));
    },
    async dispose() {
      await forwarder.close();
      await running.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
