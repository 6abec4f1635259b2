import { randomUUID } from 'node:crypto';
import { createTestOrm, type TestOrm } from '@taskapp/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppDependencies } from '../src/trpc/context.js';
import { callerFor, testDependencies } from './helpers/test-deps.js';

let db: TestOrm;
let deps: AppDependencies;

beforeAll(async () => {
  db = await createTestOrm();
  deps = testDependencies(db, 'smtp://127.0.0.1:9');
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => db.close());

describe('sync.events for a session that ended before its stream was registered', () => {
  // The caller was authenticated, then the session ended (notified to the streams already open) before
  // this stream was registered: nothing would ever wake it to end, so it looks the session up first.
  it('ends at once without reading the change log', async () => {
    const page = vi.spyOn(deps.queries.changes, 'page');
    const ended = callerFor(deps, { userId: randomUUID(), sessionId: randomUUID() });
    const events = await ended.sync.events();
    const received: unknown[] = [];
    for await (const event of events) received.push(event);
    expect(received).toEqual([]);
    expect(page).not.toHaveBeenCalled();
  });
});
