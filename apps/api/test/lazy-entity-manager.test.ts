import { createTestOrm, type TestOrm } from '@taskapp/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { lazyEntityManager } from '../src/trpc/lazy-entity-manager.js';

let db: TestOrm;

beforeAll(async () => {
  db = await createTestOrm();
});
afterAll(() => db.close());
afterEach(() => {
  vi.restoreAllMocks();
});

describe('lazyEntityManager', () => {
  it('forks only when first used, and then always the same fork', async () => {
    const fork = vi.spyOn(db.orm.em, 'fork');
    const em = lazyEntityManager(db.orm);
    expect(fork).not.toHaveBeenCalled();

    expect(await em.getConnection().execute('select 1 as one')).toEqual([{ one: 1 }]);
    em.clear();
    expect(fork).toHaveBeenCalledTimes(1);
    expect(em).toBeInstanceOf(Object.getPrototypeOf(db.orm.em).constructor);
  });

  it('keeps its own identity map apart from other requests', () => {
    const a = lazyEntityManager(db.orm);
    const b = lazyEntityManager(db.orm);
    expect(a.getUnitOfWork()).toBe(a.getUnitOfWork());
    expect(a.getUnitOfWork()).not.toBe(b.getUnitOfWork());
    expect(a.getUnitOfWork()).not.toBe(db.orm.em.getUnitOfWork(false));
  });
});
