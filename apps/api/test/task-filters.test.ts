import type { ListTasksInput } from '@taskapp/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countTasks,
  expectCode,
  insertTasks,
  newUser,
  openTaskTestDb,
  type RawTask,
  type TaskTestDb,
  type TestUser,
} from './helpers/task-fixtures.js';

let t: TaskTestDb;
let user: TestUser;
let ids: Map<string, string>;

const HOUR = 3_600_000;
const NOW = Date.now();
const at = (hours: number) => new Date(NOW + hours * HOUR);

interface Spec extends Omit<RawTask, 'dueDate'> {
  key: string;
  title: string;
  due?: Date | null;
}

// Every task has a key, so expectations read as names rather than ids.
const SPECS: Spec[] = [
  { key: 'percent', title: '100% done', priority: 'high' },
  { key: 'percentDesc', title: 'Discount', description: 'save 50% today' },
  { key: 'aPercentB', title: 'a%b' },
  { key: 'axxb', title: 'axxb' },
  { key: 'underscore', title: 'under_score', status: 'in_progress' },
  { key: 'underX', title: 'underXscore' },
  { key: 'backslash', title: 'back\\slash', priority: 'low' },
  { key: 'noBackslash', title: 'backslash' },
  { key: 'backslashDesc', title: 'Path', description: 'C:\\Users\\me' },
  { key: 'rent', title: 'Pay RENT', priority: 'high', due: at(-48) },
  { key: 'payment', title: 'Bank', description: 'PAYMENT due', due: at(-2), status: 'completed' },
  { key: 'ecole', title: 'École inscription', due: at(30) },
  { key: 'party', title: '🎉 Party planning', description: 'bring 🎂', due: at(5), priority: 'low' },
  { key: 'dev', title: '👩‍💻 code review', status: 'in_progress', due: at(-5) },
  { key: 'hebrew', title: 'קניות לשבת', description: 'חלב ולחם', due: at(24 * 3) },
  { key: 'arabic', title: 'اجتماع الفريق', status: 'completed', priority: 'high' },
  { key: 'mixed', title: 'Meeting עם דני at 10', due: at(-200), priority: 'low' },
  { key: 'quote', title: "O'Brien's report", description: 'Say "hello"' },
  { key: 'question', title: 'Why? Because??', status: 'in_progress' },
  { key: 'plain1', title: 'Water plants', due: at(1), status: 'completed', priority: 'low' },
  { key: 'plain2', title: 'Call mum', due: at(-1), priority: 'medium' },
  { key: 'plain3', title: 'Renew passport', due: at(24 * 60), priority: 'high', status: 'in_progress' },
];

beforeAll(async () => {
  t = await openTaskTestDb();
  user = await newUser(t, 'filters');
  // Another user's lookalikes must never appear.
  const other = await newUser(t, 'filters-other');
  await insertTasks(
    t,
    other.userId,
    SPECS.map(({ key: _key, due, ...spec }) => ({ ...spec, dueDate: due?.toISOString() ?? null })),
  );
  const created = await insertTasks(
    t,
    user.userId,
    SPECS.map(({ key: _key, due, ...spec }) => ({ ...spec, dueDate: due?.toISOString() ?? null })),
  );
  ids = new Map(SPECS.map((spec, i) => [spec.key, created[i] ?? '']));
});
afterAll(() => t.close());

/** Keys of every task the list returns, walking pages of 3 to exercise cursors with the filters. */
async function keys(query: ListTasksInput): Promise<string[]> {
  const byId = new Map([...ids].map(([key, id]) => [id, key]));
  const found: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof user.api.task.list>> = await user.api.task.list({
      ...query,
      limit: 3,
      cursor,
    });
    found.push(...page.items.map((task) => byId.get(task.id) ?? `foreign:${task.id}`));
    cursor = page.nextCursor;
  } while (cursor);
  expect(new Set(found).size).toBe(found.length);
  return found.sort();
}

const where = (predicate: (spec: Spec) => boolean) =>
  SPECS.filter(predicate)
    .map((spec) => spec.key)
    .sort();
const status = (spec: Spec) => spec.status ?? 'pending';
const priority = (spec: Spec) => spec.priority ?? 'medium';
const isOverdue = (spec: Spec) =>
  !!spec.due && spec.due.getTime() < Date.now() && status(spec) !== 'completed';

describe('search', () => {
  it('is a case-insensitive substring of the title or the description', async () => {
    expect(await keys({ search: 'pay' })).toEqual(['payment', 'rent']);
    expect(await keys({ search: 'PAY' })).toEqual(['payment', 'rent']);
    expect(await keys({ search: 'rEnT' })).toEqual(['rent']);
    expect(await keys({ search: 'ent d' })).toEqual(['payment']); // "PAYMENT due", description only
    expect(await keys({ search: 'plants' })).toEqual(['plain1']);
    expect(await keys({ search: '  renew  ' })).toEqual(['plain3']);
  });

  it("treats '%' as a literal character", async () => {
    // Without three letters or digits in a row a search looks at titles only (security finding 1.5).
    expect(await keys({ search: '%' })).toEqual(['aPercentB', 'percent']);
    expect(await keys({ search: 'save 50%' })).toEqual(['percentDesc']);
    expect(await keys({ search: 'a%b' })).toEqual(['aPercentB']);
    expect(await keys({ search: '100%' })).toEqual(['percent']);
  });

  it("treats '_' as a literal character", async () => {
    expect(await keys({ search: '_' })).toEqual(['underscore']);
    expect(await keys({ search: 'under_score' })).toEqual(['underscore']);
  });

  it("treats '\\' as a literal character", async () => {
    expect(await keys({ search: '\\' })).toEqual(['backslash']);
    expect(await keys({ search: 'back\\slash' })).toEqual(['backslash']);
    expect(await keys({ search: '\\u' })).toEqual([]);
    expect(await keys({ search: '\\Users' })).toEqual(['backslashDesc']);
    expect(await keys({ search: 'C:\\Users\\me' })).toEqual(['backslashDesc']);
  });

  it('finds emoji in titles, in descriptions next to a word, and within a ZWJ sequence', async () => {
    expect(await keys({ search: '🎉' })).toEqual(['party']);
    expect(await keys({ search: '🎂' })).toEqual([]);
    expect(await keys({ search: 'bring 🎂' })).toEqual(['party']);
    expect(await keys({ search: '👩‍💻' })).toEqual(['dev']);
    expect(await keys({ search: '🎉 party' })).toEqual(['party']);
  });

  it('finds right-to-left text (Hebrew, Arabic) and mixed-direction text', async () => {
    expect(await keys({ search: 'לשבת' })).toEqual(['hebrew']);
    expect(await keys({ search: 'ולחם' })).toEqual(['hebrew']);
    expect(await keys({ search: 'الفريق' })).toEqual(['arabic']);
    expect(await keys({ search: 'اجتماع' })).toEqual(['arabic']);
    expect(await keys({ search: 'עם דני' })).toEqual(['mixed']);
    expect(await keys({ search: 'meeting עם' })).toEqual(['mixed']);
  });

  it('finds quotes and question marks literally, and SQL in a search is just text', async () => {
    expect(await keys({ search: "o'brien" })).toEqual(['quote']);
    expect(await keys({ search: '"hello"' })).toEqual(['quote']);
    expect(await keys({ search: '??' })).toEqual(['question']);
    expect(await keys({ search: '?' })).toEqual(['question']);
    const count = await countTasks(t);
    expect(await keys({ search: "'; delete from tasks; --" })).toEqual([]);
    expect(await keys({ search: "%' or '1'='1" })).toEqual([]);
    expect(await countTasks(t)).toBe(count);
  });

  it('folds the case of non-ASCII letters when the database can (the embedded one can)', async () => {
    const [row] = await t.query<{ folds: boolean }>("select lower('É') = 'é' as folds");
    if (!row?.folds) return; // a server with the C locale only folds ASCII
    expect(await keys({ search: 'école' })).toEqual(['ecole']);
    expect(await keys({ search: 'ÉCOLE' })).toEqual(['ecole']);
  });

  it('an empty or blank search lists everything; nothing matches an unknown word', async () => {
    expect(await keys({ search: '' })).toEqual(where(() => true));
    expect(await keys({ search: '   ' })).toEqual(where(() => true));
    expect(await keys({ search: 'zzzqqq' })).toEqual([]);
  });
});

describe('filters', () => {
  it('status[] with one, two or three values', async () => {
    expect(await keys({ status: ['pending'] })).toEqual(where((s) => status(s) === 'pending'));
    expect(await keys({ status: ['completed', 'in_progress'] })).toEqual(
      where((s) => status(s) !== 'pending'),
    );
    expect(await keys({ status: ['pending', 'in_progress', 'completed'] })).toEqual(where(() => true));
  });

  it('priority[] with one or two values', async () => {
    expect(await keys({ priority: ['high'] })).toEqual(where((s) => priority(s) === 'high'));
    expect(await keys({ priority: ['low', 'medium'] })).toEqual(where((s) => priority(s) !== 'high'));
  });

  it('dueBefore (exclusive) and dueAfter (inclusive), alone and together', async () => {
    const boundary = SPECS.find((s) => s.key === 'plain2')?.due ?? new Date();
    expect(await keys({ dueBefore: boundary })).toEqual(where((s) => !!s.due && s.due < boundary));
    expect(await keys({ dueAfter: boundary })).toEqual(where((s) => !!s.due && s.due >= boundary));
    expect(await keys({ dueAfter: boundary })).toContain('plain2');
    expect(await keys({ dueBefore: boundary })).not.toContain('plain2');
    expect(await keys({ dueAfter: at(-10), dueBefore: at(48) })).toEqual(
      where((s) => !!s.due && s.due >= at(-10) && s.due < at(48)),
    );
    expect(await keys({ dueAfter: at(10), dueBefore: at(-10) })).toEqual([]);
  });

  it('hasDueDate true and false', async () => {
    expect(await keys({ hasDueDate: true })).toEqual(where((s) => !!s.due));
    expect(await keys({ hasDueDate: false })).toEqual(where((s) => !s.due));
  });

  it('overdue true (past due and not completed) and false (everything else)', async () => {
    const overdue = where(isOverdue);
    expect(overdue).toEqual(['dev', 'mixed', 'plain2', 'rent']);
    expect(await keys({ overdue: true })).toEqual(overdue);
    expect(await keys({ overdue: false })).toEqual(where((s) => !isOverdue(s)));
    expect(await keys({ overdue: false })).toContain('payment'); // past due but completed
  });

  it('combines filters with AND', async () => {
    expect(await keys({ status: ['pending'], priority: ['high'] })).toEqual(
      where((s) => status(s) === 'pending' && priority(s) === 'high'),
    );
    expect(await keys({ overdue: true, priority: ['low'] })).toEqual(['mixed']);
    expect(await keys({ search: 'p', status: ['in_progress', 'completed'], hasDueDate: true })).toEqual(
      where((s) => status(s) !== 'pending' && !!s.due && s.title.toLowerCase().includes('p')),
    );
    expect(await keys({ hasDueDate: false, priority: ['high'], search: '%' })).toEqual(['percent']);
    expect(await keys({ dueAfter: at(0), status: ['pending', 'in_progress'], overdue: false })).toEqual(
      where((s) => !!s.due && s.due >= at(0) && status(s) !== 'completed'),
    );
    expect(await keys({ overdue: true, hasDueDate: false })).toEqual([]);
  });

  it('keeps the order asked for while filtering', async () => {
    const page = await user.api.task.list({ hasDueDate: true, sort: 'dueDate', order: 'asc', limit: 100 });
    const dues = page.items.map((task) => task.dueDate?.getTime() ?? Number.NaN);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(dues).toHaveLength(where((s) => !!s.due).length);
  });

  it('refuses a search longer than 200 characters, or containing NUL', async () => {
    await expectCode(user.api.task.list({ search: 'x'.repeat(201) }), 'BAD_REQUEST');
    await expectCode(user.api.task.list({ search: 'x\u0000' }), 'BAD_REQUEST');
    expect((await user.api.task.list({ search: 'x'.repeat(200) })).items).toEqual([]);
  });
});
