import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHalfSentPost, tryConnect } from '../helpers/half-sent-request.js';
import { type RecordingClient, recordingClient, type TimedCall, timed } from '../helpers/load.js';
import {
  type RegisteredBrowser,
  register,
  type ServerProcessFixture,
  startServerProcessFixture,
} from '../helpers/server-process-fixture.js';

const HELD_OPEN = 20;
const LOOPING_CLIENTS = 6;

let server: ServerProcessFixture;
let user: RegisteredBrowser;
beforeAll(async () => {
  server = await startServerProcessFixture();
  user = await register(server);
});
afterAll(() => server?.stop());

/** Clients creating tasks back to back until stopped; every call and its outcome is kept. */
function startLoadLoop(client: RecordingClient) {
  const calls: TimedCall<{ id: string }>[] = [];
  let running = true;
  const loops = Array.from({ length: LOOPING_CLIENTS }, async (_, worker) => {
    for (let n = 0; running; n++) {
      const call = await timed(() => client.api.task.create.mutate({ title: `loop ${worker}.${n}` }));
      calls.push(call);
      if (!call.ok) await sleep(20); // the server is going away; do not spin
    }
  });
  return {
    calls,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

describe('SIGTERM under load', () => {
  it('finishes every in-flight request, refuses new connections and exits 0 within 10 s', {
    timeout: 60_000,
  }, async () => {
    const client = recordingClient(server.url);
    client.accessToken = user.browser.accessToken;
    const held = Array.from({ length: HELD_OPEN }, (_, i) =>
      startHalfSentPost(
        `${server.url}/api/trpc/task.create`,
        JSON.stringify({ json: { title: `held open ${i}` } }),
        { authorization: `Bearer ${user.browser.accessToken}` },
      ),
    );
    // Opened first, on a quiet server, so they are surely accepted and in flight when the signal comes.
    await waitFor(() => held.every((request) => request.accepted), {
      what: 'the server to have read the head of every held-open request',
      timeoutMs: 20_000,
    });
    const load = startLoadLoop(client);
    await waitFor(() => load.calls.filter((call) => call.ok).length >= 10, { what: 'the load to get going' });

    const signalledAt = Date.now();
    server.process.child.kill('SIGTERM');
    await waitFor(async () => (await tryConnect(server.url)) === 'ECONNREFUSED', {
      what: 'new connections to be refused',
      timeoutMs: 2_000,
    });

    const answers = await Promise.all(held.map((request) => request.finish()));
    const exitCode = await server.process.exited;
    const exitedAfter = Date.now() - signalledAt;
    await load.stop();

    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    expect(exitCode).toBe(0);
    expect(exitedAfter).toBeLessThan(10_000);
    expect(server.process.logs.join('')).toContain('shut down cleanly');

    // The loop's calls either got an answer, which was never a server error, or could not connect at all.
    expect(client.statuses.filter((status) => status !== 200)).toEqual([]);
    const acknowledged = load.calls.filter((call) => call.ok).map((call) => call.value?.id);
    expect(acknowledged.length).toBeGreaterThan(0);
    const heldIds = answers.map((answer) => JSON.parse(answer.body).result.data.json.id as string);
    const ids = [...acknowledged, ...heldIds];
    const stored = await server.sql.query<{ id: string }>('SELECT id FROM tasks WHERE id IN (?)', [ids]);
    expect(stored).toHaveLength(ids.length);
  });
});
