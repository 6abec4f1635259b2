import { afterAll, beforeAll, beforeEach } from 'vitest';
import { newUser, openTaskTestDb, type TaskTestDb, type TestUser } from './task-fixtures.js';

// Hooks the procedure tests share. Each function registers vitest hooks for the file that calls it and
// returns getters: read them inside tests, hooks and helpers only, since the hooks set them.

export interface SignedInSuite {
  /** The test database, open for the whole file. */
  readonly t: TaskTestDb;
  /** A new signed-in user for each test. */
  readonly me: TestUser;
}

/** The test database for the file, and a new signed-in user (email starting with `label`) for each test. */
export function useSignedInUser(label: string): SignedInSuite {
  const db = useTaskTestDb();
  let me: TestUser;
  beforeEach(async () => {
    me = await newUser(db(), label);
  });
  return {
    get t() {
      return db();
    },
    get me() {
      return me;
    },
  };
}

export interface IsolationSuite {
  /** The test database, open for the whole file. */
  readonly t: TaskTestDb;
  /** A new user for each test, whose rows the intruder must not see or change. */
  readonly owner: TestUser;
  /** A second new user for each test, signed in after the owner. */
  readonly intruder: TestUser;
}

/** The test database for the file, and a new owner and intruder for each test, for isolation tests. */
export function useOwnerAndIntruder(): IsolationSuite {
  const db = useTaskTestDb();
  let owner: TestUser;
  let intruder: TestUser;
  beforeEach(async () => {
    owner = await newUser(db(), 'owner');
    intruder = await newUser(db(), 'intruder');
  });
  return {
    get t() {
      return db();
    },
    get owner() {
      return owner;
    },
    get intruder() {
      return intruder;
    },
  };
}

/** Opens the test database before the file's tests and closes it after them. */
function useTaskTestDb(): () => TaskTestDb {
  let t: TaskTestDb;
  beforeAll(async () => {
    t = await openTaskTestDb();
  });
  afterAll(() => t.close());
  return () => t;
}
