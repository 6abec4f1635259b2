import { createTestOrm, type TestOrm } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { createInnerContext } from '../src/trpc/context.js';
import { createCallerFactory, protectedProcedure, router } from '../src/trpc/init.js';
import { appRouter } from '../src/trpc/router.js';
import { testEnv } from './helpers/test-env.js';

let db: TestOrm;
const env = testEnv();
const logger = createLogger(env);

beforeAll(async () => {
  db = await createTestOrm();
});
afterAll(() => db.close());

describe('procedures called directly through createCaller', () => {
  it('health.check reports the database', async () => {
    const caller = createCallerFactory(appRouter)(createInnerContext({ orm: db.orm, env, logger }));
    expect(await caller.health.check()).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('protectedProcedure refuses an anonymous caller and passes the user id on', async () => {
    const probe = router({ whoami: protectedProcedure.query(({ ctx }) => ctx.userId) });
    const call = createCallerFactory(probe);
    await expect(call(createInnerContext({ orm: db.orm, env, logger })).whoami()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(await call(createInnerContext({ orm: db.orm, env, logger }, 'user-1')).whoami()).toBe('user-1');
  });

  it('gives every request its own EntityManager', () => {
    const a = createInnerContext({ orm: db.orm, env, logger });
    const b = createInnerContext({ orm: db.orm, env, logger });
    expect(a.em).not.toBe(b.em);
    expect(a.em).not.toBe(db.orm.em);
  });
});
