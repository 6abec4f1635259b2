import { randomUUID } from 'node:crypto';
import { LIMITS } from '@taskapp/shared';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LabelDto, labelQueries } from '../../src/queries/label-queries.js';
import { createTestOrm, type TestOrm } from '../../src/testing/index.js';
import { insertTask, insertUser } from './arrange.js';
import { racingInserts } from './racing-inserts.js';

let testOrm: TestOrm;
let pool: pg.Pool;
let labels: ReturnType<typeof labelQueries>;
let owner: string;
let other: string;

beforeAll(async () => {
  testOrm = await createTestOrm();
  pool = testOrm.pool;
  labels = labelQueries(pool);
});
afterAll(() => testOrm.close());

beforeEach(async () => {
  owner = await insertUser(pool);
  other = await insertUser(pool);
});

const NOW = new Date('2026-03-04T05:06:07.891Z');

async function create(userId: string, name: string): Promise<LabelDto> {
  const result = await labels.create(userId, { name }, NOW);
  if (result.kind !== 'created') throw new Error(`could not create ${name}: ${result.kind}`);
  return result.label;
}

async function storedRows(userId: string): Promise<string[]> {
  const result = await pool.query<{ json: string }>(
    'select row_to_json(l)::text as json from labels l where user_id = $1 order by id',
    [userId],
  );
  return result.rows.map((row) => row.json);
}

describe('create and list', () => {
  it('creates with the default colour and lists by name ignoring case', async () => {
    expect(await create(owner, 'errands')).toEqual({
      id: expect.any(String),
      name: 'errands',
      color: 'grey',
    });
    expect(await labels.create(owner, { name: 'Calls', color: 'teal' }, NOW)).toMatchObject({
      kind: 'created',
      label: { name: 'Calls', color: 'teal' },
    });
    await create(owner, 'banana');
    await create(owner, 'Zoo');
    expect((await labels.list(owner)).map((label) => label.name)).toEqual([
      'banana',
      'Calls',
      'errands',
      'Zoo',
    ]);
    expect(await labels.list(other)).toEqual([]);
  });

  it('refuses a name the owner already has, ignoring case; someone else may have it', async () => {
    await create(owner, 'Work');
    expect(await labels.create(owner, { name: 'wORK' }, NOW)).toEqual({ kind: 'duplicate' });
    expect((await labels.create(other, { name: 'work' }, NOW)).kind).toBe('created');
    expect((await labels.list(owner)).map((label) => label.name)).toEqual(['Work']);
  });

  it(`refuses the ${LIMITS.labelsPerUser + 1}th label, even when created at the same time`, async () => {
    const values = Array.from({ length: LIMITS.labelsPerUser - 1 }, (_, i) => `($1, 'L${i}')`);
    await pool.query(`insert into labels (user_id, name) values ${values.join(', ')}`, [owner]);
    const results = await racingInserts(
      testOrm.database.url,
      'labels',
      [1, 2, 3].map((i) => () => labels.create(owner, { name: `Racing ${i}` }, NOW)),
    );
    expect(results.map((result) => result.kind).sort()).toEqual([
      'created',
      'limit-reached',
      'limit-reached',
    ]);
    expect((await labels.list(owner)).length).toBe(LIMITS.labelsPerUser);
    expect((await labels.create(other, { name: 'Mine' }, NOW)).kind).toBe('created');
  });
});

describe('update', () => {
  it('renames and recolours only what is given, and may change the case of its own name', async () => {
    const work = await create(owner, 'work');
    expect(await labels.update(owner, work.id, { color: 'red' }, NOW)).toEqual({
      kind: 'updated',
      label: { ...work, color: 'red' },
    });
    expect(await labels.update(owner, work.id, { name: 'Work' }, NOW)).toEqual({
      kind: 'updated',
      label: { ...work, name: 'Work', color: 'red' },
    });
  });

  it('refuses the name of another of the owner’s labels, ignoring case, and changes nothing', async () => {
    await create(owner, 'Home');
    const work = await create(owner, 'Work');
    const before = await storedRows(owner);
    expect(await labels.update(owner, work.id, { name: 'HOME', color: 'blue' }, NOW)).toEqual({
      kind: 'duplicate',
    });
    expect(await storedRows(owner)).toEqual(before);
  });

  it("says missing for another user's label or one that does not exist, and leaves theirs", async () => {
    const theirs = await create(other, 'Theirs');
    await create(owner, 'Mine');
    const before = await storedRows(other);
    expect(await labels.update(owner, theirs.id, { name: 'Taken' }, NOW)).toEqual({ kind: 'missing' });
    expect(await labels.update(owner, theirs.id, { name: 'Mine' }, NOW)).toEqual({ kind: 'missing' });
    expect(await labels.update(owner, randomUUID(), { color: 'red' }, NOW)).toEqual({ kind: 'missing' });
    expect(await storedRows(other)).toEqual(before);
  });
});

describe('delete', () => {
  it('removes it from its tasks and keeps the tasks and other labels', async () => {
    const home = await create(owner, 'Home');
    const work = await create(owner, 'Work');
    const task = await insertTask(pool, owner);
    await pool.query(
      'insert into task_labels (task_id, label_id, user_id) values ($1, $2, $3), ($1, $4, $3)',
      [task, home.id, owner, work.id],
    );
    expect(await labels.delete(owner, home.id)).toBe(true);
    const left = await pool.query('select label_id from task_labels where task_id = $1', [task]);
    expect(left.rows).toEqual([{ label_id: work.id }]);
    expect((await pool.query('select 1 from tasks where id = $1', [task])).rowCount).toBe(1);
    expect(await labels.list(owner)).toEqual([work]);
  });

  it("says false for another user's label and leaves it on their tasks", async () => {
    const theirs = await create(other, 'Theirs');
    const task = await insertTask(pool, other);
    await pool.query('insert into task_labels (task_id, label_id, user_id) values ($1, $2, $3)', [
      task,
      theirs.id,
      other,
    ]);
    expect(await labels.delete(owner, theirs.id)).toBe(false);
    expect(await labels.list(other)).toEqual([theirs]);
    expect((await pool.query('select 1 from task_labels where label_id = $1', [theirs.id])).rowCount).toBe(1);
  });
});
