import { afterAll, beforeAll, beforeEach } from 'vitest';
import { newUser, openTaskTestDb, type TaskTestDb, type TestUser } from './task-fixtures.js';

export interface SignedInSuite {
  /** The test database, open for the whole file. */
  readonly t: TaskTestDb;
  /** A new signed-in user for each test. */
  readonly me: TestUser;
}

/**
 * Registers the hooks most procedure tests share: open the database before the file, close it after,
 * and sign in a new user (email starting with `label`) before each test. Read `t` and `me` inside
 * tests and helpers only, since the hooks set them.
 */
export function useSignedInUser(label: string): SignedInSuite {
  let t: TaskTestDb;
  let me: TestUser;

  beforeAll(async () => {
    t = await openTaskTestDb();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    me = await newUser(t, label);
  });

  return {
    get t() {
      return t;
    },
    get me() {
      return me;
    },
  };
}
