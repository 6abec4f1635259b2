import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../helpers/browser.js';
import { openEvents } from '../helpers/event-stream.js';
import { type RestartablePostgres, startRestartablePostgres } from '../helpers/restartable-postgres.js';
import { type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { keepOnlyRecentLogs } from '../helpers/server-process-fixture.js';
import { currentCursor, registerAt } from '../helpers/sync-instances.js';

const OUTAGE_MS = 2_000;
// The LISTEN connection retries with growing pauses (at most 5 s); the backfill follows its return.
const BACKFILL_MS = 10_000;

let postgres: RestartablePostgres;
let api: ServerProcess;
let dataDir: string;
beforeAll(async () => {
  postgres = await startRestartablePostgres();
  dataDir = mkdtempSync(path.join(tmpdir(), 'taskapp-resilience-'));
  api = await spawnServer({
    DATABASE_URL: postgres.url,
    DATA_DIR: dataDir,
    AUTH_SECRET: 'resilience-test-secret-of-at-least-32-characters',
  });
  keepOnlyRecentLogs(api);
}, 120_000);
afterAll(async () => {
  if (api && api.child.exitCode === null) api.child.kill('SIGTERM');
  await api?.exited;
  await postgres?.dispose();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Creates a task with an id of its own, retrying (the same id: never a duplicate) until the database answers. */
async function createOnce(device: TestBrowser, title: string): Promise<string> {
  const id = randomUUID();
  for (let tries = 0; ; tries++) {
    try {
      await device.api.task.create.mutate({ id, title });
      return id;
    } catch (error) {
      if (tries > 100) throw error;
      await sleep(100);
    }
  }
}

describe('live sync across a PostgreSQL restart', () => {
  it('an open stream stays open and delivers every change made while and after the database restarts, once', {
    timeout: 60_000,
  }, async () => {
    const { device } = await registerAt(api.url);
    const from = await currentCursor(device);
    const stream = await openEvents(api.url, device.accessToken ?? '', { inputLastEventId: from });
    const made = [await createOnce(device, 'Before the restart')];
    await stream.waitFor(1);

    await postgres.stop();
    await sleep(OUTAGE_MS);
    await postgres.start();
    // At once, before the LISTEN connection is back (it waits a growing pause between attempts).
    for (let n = 0; n < 3; n++) made.push(await createOnce(device, `Just after the restart ${n}`));
    await stream.waitFor(made.length, BACKFILL_MS);
    // Listening again: live as before.
    for (let n = 0; n < 2; n++) {
      made.push(await createOnce(device, `Listening again ${n}`));
      await stream.waitFor(made.length, 1_000);
    }

    expect(stream.events.map((event) => (event.data as { id: string }).id)).toEqual(made);
    const logged = await device.api.sync.changes.query({ after: from });
    expect(stream.events.map((event) => event.data)).toEqual(logged.changes);
    // Nothing read twice by the polling, the retries and the wake on reconnect.
    await sleep(300);
    expect(stream.events).toHaveLength(made.length);
    expect(stream.control.filter((event) => event.event === 'serialized-error')).toEqual([]);
    stream.close();
  });
});
