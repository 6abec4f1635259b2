import type pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTestOrm, type TestOrm } from '../../src/testing/index.js';
import { insertUser } from './arrange.js';

export interface OwnerAndOther {
  /** The test database's pool, open for the whole file. */
  readonly pool: pg.Pool;
  /** The test database's URL, for a connection of a test's own. */
  readonly databaseUrl: string;
  /** A new user for each test, who owns the rows under test. */
  readonly owner: string;
  /** A second new user for each test, whose rows must stay untouched. */
  readonly other: string;
}

/**
 * Registers the hooks the query tests share: open the database before the file, close it after, and
 * insert two new users before each test. Read the fields inside tests and helpers only, since the hooks
 * set them.
 */
export function useOwnerAndOther(): OwnerAndOther {
  let testOrm: TestOrm;
  let owner: string;
  let other: string;

  beforeAll(async () => {
    testOrm = await createTestOrm();
  });
  afterAll(() => testOrm.close());
  beforeEach(async () => {
    owner = await insertUser(testOrm.pool);
    other = await insertUser(testOrm.pool);
  });

  return {
    get pool() {
      return testOrm.pool;
    },
    get databaseUrl() {
      return testOrm.database.url;
    },
    get owner() {
      return owner;
    },
    get other() {
      return other;
    },
  };
}
