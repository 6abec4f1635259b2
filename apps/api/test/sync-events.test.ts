import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './helpers/accounts.js';
import { openEvents } from './helpers/event-stream.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

describe('sync.events over SSE', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('streams the caller’s changes as they happen, each with its cursor as the event id', async () => {
    const me = await signUp(server);
    const stream = await openEvents(server.url, me.accessToken);
    expect(stream.status).toBe(200);
    const task = await me.browser.api.task.create.mutate({ title: 'Live' });
    const [created] = await stream.waitFor(1);
    expect(created?.data).toEqual({ entity: 'task', op: 'upsert', id: task.id, at: expect.any(Date) });
    expect(created?.id).toMatch(/^\d+-\d+$/);
    await me.browser.api.task.delete.mutate({ id: task.id });
    const [, deleted] = await stream.waitFor(2);
    expect(deleted?.data).toMatchObject({ entity: 'task', op: 'delete', id: task.id });
    stream.close();
  });
});
