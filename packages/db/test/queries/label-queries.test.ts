import { randomUUID } from 'node:crypto';
import { LIMITS } from '@taskapp/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LabelDto, labelQueries } from '../../src/queries/label-queries.js';
import { insertTask } from './arrange.js';
import { useOwnerAndOther } from './owner-and-other.js';
import { racingInserts } from './racing-inserts.js';

const db = useOwnerAndOther();
let labels: ReturnType<typeof labelQueries>;

beforeAll(() => {
  labels = labelQueries(db.pool);
});

const NOW = new Date('2026-03-04T05:06:07.891Z');

async function create(userId: string, name: string): Promise<LabelDto> {
  const result = await labels.create(userId, { name }, NOW);
  if (result.kind !== 'created') throw new Error(`could not create ${name}: ${result.kind}`);
  return result.label;
}

async function storedRows(userId: string): Promise<string[]> {
  const result = await db.pool.query<{ json: string }>(
    'select row_to_json(l)::text as json from labels l where user_id = $1 order by id',
    [userId],
  );
  return result.rows.map((row) => row.json);
}

describe('create and list', () => {
  it('creates with the default colour and lists by name ignoring case', async () => {
    expect(await create(db.owner, 'errands')).toEqual({
      id: expect.any(String),
      name: 'errands',
      color: 'grey',
    });
    expect(await labels.create(db.owner, { name: 'Calls', color: 'teal' }, NOW)).toMatchObject({
      kind: 'created',
      label: { name: 'Calls', color: 'teal' },
    });
    await create(db.owner, 'banana');
    await create(db.owner, 'Zoo');
    expect((await labels.list(db.owner)).map((label) => label.name)).toEqual([
      'banana',
      'Calls',
      'errands',
      'Zoo',
    ]);
    expect(await labels.list(db.other)).toEqual([]);
  });

  it('refuses a name the owner already has, ignoring case; someone else may have it', async () => {
    await create(db.owner, 'Work');
    expect(await labels.create(db.owner, { name: 'wORK' }, NOW)).toEqual({ kind: 'duplicate' });
    expect((await labels.create(db.other, { name: 'work' }, NOW)).kind).toBe('created');
    expect((await labels.list(db.owner)).map((label) => label.name)).toEqual(['Work']);
  });

  it(`refuses the ${LIMITS.labelsPerUser + 1}th label, even when created at the same time`, async () => {
    const values = Array.from({ length: LIMITS.labelsPerUser - 1 }, (_, i) => `($1, 'L${i}')`);
    await db.pool.query(`insert into labels (user_id, name) values ${values.join(', ')}`, [db.owner]);
    const results = await racingInserts(
      db.databaseUrl,
      'labels',
      [1, 2, 3].map((i) => () => labels.create(db.owner, { name: `Racing ${i}` }, NOW)),
    );
    expect(results.map((result) => result.kind).sort()).toEqual([
      'created',
      'limit-reached',
      'limit-reached',
    ]);
    expect((await labels.list(db.owner)).length).toBe(LIMITS.labelsPerUser);
    expect((await labels.create(db.other, { name: 'Mine' }, NOW)).kind).toBe('created');
  });
});

describe('update', () => {
  it('renames and recolours only what is given, and may change the case of its own name', async () => {
    const work = await create(db.owner, 'work');
    expect(await labels.update(db.owner, work.id, { color: 'red' }, NOW)).toEqual({
      kind: 'updated',
      label: { ...work, color: 'red' },
    });
    expect(await labels.update(db.owner, work.id, { name: 'Work' }, NOW)).toEqual({
      kind: 'updated',
      label: { ...work, name: 'Work', color: 'red' },
    });
  });

  it('refuses the name of another of the owner’s labels, ignoring case, and changes nothing', async () => {
    await create(db.owner, 'Home');
    const work = await create(db.owner, 'Work');
    const before = await storedRows(db.owner);
    expect(await labels.update(db.owner, work.id, { name: 'HOME', color: 'blue' }, NOW)).toEqual({
      kind: 'duplicate',
    });
    expect(await storedRows(db.owner)).toEqual(before);
  });

  it("says missing for another user's label or one that does not exist, and leaves theirs", async () => {
    const theirs = await create(db.other, 'Theirs');
    await create(db.owner, 'Mine');
    const before = await storedRows(db.other);
    expect(await labels.update(db.owner, theirs.id, { name: 'Taken' }, NOW)).toEqual({ kind: 'missing' });
    expect(await labels.update(db.owner, theirs.id, { name: 'Mine' }, NOW)).toEqual({ kind: 'missing' });
    expect(await labels.update(db.owner, randomUUID(), { color: 'red' }, NOW)).toEqual({ kind: 'missing' });
    expect(await storedRows(db.other)).toEqual(before);
  });
});

describe('delete', () => {
  it('removes it from its tasks and keeps the tasks and other labels', async () => {
    const home = await create(db.owner, 'Home');
    const work = await create(db.owner, 'Work');
    const task = await insertTask(db.pool, db.owner);
    await db.pool.query(
      'insert into task_labels (task_id, label_id, user_id) values ($1, $2, $3), ($1, $4, $3)',
      [task, home.id, db.owner, work.id],
    );
    expect(await labels.delete(db.owner, home.id)).toBe(true);
    const left = await db.pool.query('select label_id from task_labels where task_id = $1', [task]);
    expect(left.rows).toEqual([{ label_id: work.id }]);
    expect((await db.pool.query('select 1 from tasks where id = $1', [task])).rowCount).toBe(1);
    expect(await labels.list(db.owner)).toEqual([work]);
  });

  it("says false for another user's label and leaves it on their tasks", async () => {
    const theirs = await create(db.other, 'Theirs');
    const task = await insertTask(db.pool, db.other);
    await db.pool.query('insert into task_labels (task_id, label_id, user_id) values ($1, $2, $3)', [
      task,
      theirs.id,
      db.other,
    ]);
    expect(await labels.delete(db.owner, theirs.id)).toBe(false);
    expect(await labels.list(db.other)).toEqual([theirs]);
    expect((await db.pool.query('select 1 from task_labels where label_id = $1', [theirs.id])).rowCount).toBe(
      1,
    );
  });
});
