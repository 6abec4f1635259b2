import { createTestOrm, type TestOrm } from '@taskapp/db/testing';
import { PUBLIC_PROCEDURES } from '@taskapp/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInnerContext } from '../src/trpc/context.js';
import { createCallerFactory } from '../src/trpc/init.js';
import { appRouter } from '../src/trpc/router.js';
import { testDependencies } from './helpers/test-deps.js';

// The web app decides from @taskapp/shared's PUBLIC_PROCEDURES which calls need an access token (and
// which 401s mean "refresh and retry"). That list must be exactly the server's public procedures.

let db: TestOrm;
beforeAll(async () => {
  db = await createTestOrm();
});
afterAll(() => db.close());

const SIGN_IN_REQUIRED = 'Sign in to continue.';

async function refusesAnonymous(path: string): Promise<boolean> {
  const caller = createCallerFactory(appRouter)(
    createInnerContext(testDependencies(db, 'smtp://127.0.0.1:9')),
  );
  // Nested routers (account.twoFactor.setupTotp) are walked segment by segment.
  const procedure = path
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], caller) as
    | ((input: unknown) => Promise<unknown>)
    | undefined;
  if (!procedure) throw new Error(`no procedure ${path}`);
  // Empty input: public procedures answer or refuse it (BAD_REQUEST), protected ones stop at sign-in first.
  const error = await procedure({}).then(
    () => null,
    (e: unknown) => e as { message?: string },
  );
  return error?.message === SIGN_IN_REQUIRED;
}

describe('the public procedure list shared with the web app', () => {
  const paths = Object.keys(appRouter._def.procedures).sort();

  it('names only procedures that exist', () => {
    for (const path of PUBLIC_PROCEDURES) expect(paths).toContain(path);
  });

  it.each(paths)('%s is public exactly when the list says so', async (path) => {
    const listedPublic = (PUBLIC_PROCEDURES as readonly string[]).includes(path);
    expect(await refusesAnonymous(path)).toBe(!listedPublic);
  });
});
