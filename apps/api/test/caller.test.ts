import { createTestOrm, type TestOrm } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDependencies, createInnerContext } from '../src/trpc/context.js';
import { createCallerFactory, protectedProcedure, router } from '../src/trpc/init.js';
import { appRouter } from '../src/trpc/router.js';
import { testDependencies } from './helpers/test-deps.js';

let db: TestOrm;
let deps: AppDependencies;

beforeAll(async () => {
  db = await createTestOrm();
  deps = testDependencies(db, 'smtp://127.0.0.1:9');
});
afterAll(() => db.close());

describe('procedures called directly through createCaller', () => {
  it('health.check reports the database', async () => {
    const caller = createCallerFactory(appRouter)(createInnerContext(deps));
    expect(await caller.health.check()).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('protectedProcedure refuses an anonymous caller and passes the user id on', async () => {
    const probe = router({ whoami: protectedProcedure.query(({ ctx }) => ctx.userId) });
    const call = createCallerFactory(probe);
    await expect(call(createInnerContext(deps)).whoami()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(await call(createInnerContext(deps, { userId: 'user-1', sessionId: 's-1' })).whoami()).toBe(
      'user-1',
    );
  });

  it('gives every request its own EntityManager', () => {
    const a = createInnerContext(deps);
    const b = createInnerContext(deps);
    expect(a.em).not.toBe(b.em);
    expect(a.em).not.toBe(db.orm.em);
  });
});
