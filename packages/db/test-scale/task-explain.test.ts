import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { type ListTasksInput, listTasksInput, TASK_SORTS } from '@taskapp/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortKeyFor } from '../src/entities/task-sort-keys.js';
import { openOrm } from '../src/orm.js';
import { createPool, type Queryable } from '../src/pg.js';
import { createQueries, type TaskCursor } from '../src/queries/index.js';
import { projectQueries } from '../src/queries/project-queries.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { generateScaleData, ORGANISATION, SCALE, taskIndexDefinitions } from './generate.js';

// On 1,000,000 tasks over 10,000 users plus one user with 100,000, every query the app issues for a list
// or the stats must find the owner's rows through an index that starts with user_id, never by reading
// the whole table. The SQL is captured from the real task list and stats queries and EXPLAINed as is.

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Actual Total Time'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}
interface Explained {
  Plan: PlanNode;
  'Execution Time'?: number;
}
interface Statement {
  sql: string;
  params: unknown[];
}

let database: TestDatabase;
let orm: MikroORM;
let em: EntityManager;
let pool: pg.Pool;
const sql = async <Row>(text: string, values: readonly unknown[] = []) =>
  (await pool.query(text, [...values])).rows as Row[];
/** Index name → its first column (null for an expression), for the indexes on tasks, task_labels and projects. */
let firstColumn: Map<string, string | null>;

const HEAVY = SCALE.heavyUserId;
const TYPICAL = SCALE.userId(4_242);
const log = (line: string) => console.log(line);

/** An executor that records every statement run through it, so the exact SQL the app sends can be EXPLAINed. */
function recording(statements: Statement[]): Queryable {
  return {
    query(statement) {
      statements.push({ sql: statement.text, params: [...statement.values] });
      return pool.query(statement.text, statement.values);
    },
  };
}

/** The app's task queries, run through the recorder. */
async function capture(run: (tasks: ReturnType<typeof createQueries>['tasks']) => Promise<unknown>) {
  const statements: Statement[] = [];
  await run(createQueries(recording(statements)).tasks);
  expect(statements).toHaveLength(1);
  return statements[0] as Statement;
}

/** EXPLAIN of the statement as the app sends it: the same text and the same bind parameters. */
async function explain(statement: Statement, analyze = false): Promise<Explained> {
  const options = analyze ? 'analyze, buffers, format json' : 'format json';
  const rows = await sql<Record<string, unknown>>(`explain (${options}) ${statement.sql}`, statement.params);
  const plan = rows[0]?.['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as Explained[];
  return parsed[0] as Explained;
}

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

const render = (node: PlanNode, depth = 0): string =>
  [
    `${'  '.repeat(depth)}${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}`,
    ...(node.Plans ?? []).map((child) => render(child, depth + 1)),
  ].join('\n');

/** The tables that grow with everyone's data: none may be read whole. */
const LARGE_TABLES = ['tasks', 'task_labels', 'projects', 'labels'];

function sequentialScans(all: PlanNode[]): string[] {
  return LARGE_TABLES.filter((table) =>
    all.some((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === table),
  ).map((table) => `sequential scan of ${table}`);
}

/**
 * What is wrong with a plan: a sequential scan of tasks (or another large table), or no index scan that starts with user_id and
 * has the owner in its index condition (a GIN index on (user_id, title, description) can also be read
 * for the title alone, so naming the index is not enough).
 */
function planProblems(all: PlanNode[]): string[] {
  const problems = sequentialScans(all);
  // A task's labels are found by the task (task_labels' primary key); the owner's (user_id, label_id)
  // index read without a label goes through every label link the owner has, once per listed task.
  if (
    all.some(
      (node) =>
        node['Index Name'] === 'task_labels_user_id_label_id_task_id_idx' &&
        !/\blabel_id\b/.test(node['Index Cond'] ?? ''),
    )
  )
    problems.push('reads every label link of the owner');
  const byOwner = (node: PlanNode) =>
    !!node['Index Name'] &&
    firstColumn.get(node['Index Name']) === 'user_id' &&
    /\buser_id\b/.test(node['Index Cond'] ?? '');
  if (!all.some(byOwner)) problems.push('no index starting with user_id finds the owner');
  return problems;
}

/** The checks every list/stats plan must pass; returns the plan's nodes. */
async function checkPlan(label: string, statement: Statement): Promise<PlanNode[]> {
  const { Plan } = await explain(statement);
  const all = nodes(Plan);
  const shape = render(Plan);
  expect(planProblems(all), `${label}\n${shape}`).toEqual([]);
  // A primary key probed per row (a task's labels) is expected; anything else is worth a look.
  const otherIndexes = all.filter(
    (node) =>
      node['Index Name'] &&
      firstColumn.get(node['Index Name']) !== 'user_id' &&
      !node['Index Name'].endsWith('_pkey'),
  );
  if (otherIndexes.length)
    log(`note: ${label} also reads an index that does not start with user_id:\n${shape}`);
  return all;
}

const query = (input: ListTasksInput) => listTasksInput.parse(input);

function listStatement(userId: string, input: ListTasksInput, after: TaskCursor | null = null) {
  return capture((tasks) => tasks.list(userId, query(input), after));
}

/** The cursor after `position` rows of the user's unfiltered list in that order, as listTasks makes it. */
async function cursorAt(userId: string, input: ListTasksInput, position: number): Promise<TaskCursor> {
  const { sort, order } = query(input);
  const key = sortKeyFor(sort, order);
  const [row] = await em.getConnection().execute<{ value: string; id: string }[]>(
    `select (${key.expression})::text as value, id from tasks where user_id = ?
     order by ${key.expression} ${order}, id ${order} offset ? limit 1`,
    [userId, position - 1],
  );
  if (!row) throw new Error('no such position');
  return row;
}

/** A cursor reached by walking the real listTasks, `pages` pages of 100 deep. */
async function walkedCursor(
  userId: string,
  input: ListTasksInput,
  pages: number,
): Promise<TaskCursor | null> {
  let after: TaskCursor | null = null;
  for (let i = 0; i < pages; i++) {
    const page = await createQueries(pool).tasks.list(userId, query({ ...input, limit: 100 }), after);
    if (!page.next) return after;
    after = page.next;
  }
  return after;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const migrated = await taskIndexDefinitions(client);
  log(`generating ${database.name}:`);
  await generateScaleData(database.url, log);
  // The generator re-created the indexes: they must be exactly the migrations' ones.
  expect(await taskIndexDefinitions(client)).toEqual(migrated);
  await client.end();
  orm = await openOrm({ ...database.settings, poolMax: 2 });
  em = orm.em.fork();
  pool = createPool({ ...database.settings, poolMax: 2 });
  const indexes = await em.getConnection().execute<{ name: string; first: string | null }[]>(
    `select c.relname as name, a.attname as first
     from pg_index i
     join pg_class c on c.oid = i.indexrelid
     left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0] and i.indkey[0] <> 0
     where i.indrelid in ('tasks'::regclass, 'task_labels'::regclass, 'projects'::regclass)`,
  );
  firstColumn = new Map(indexes.map((index) => [index.name, index.first]));
  const [counts] = await em.getConnection().execute<{ total: number; heavy: number; users: number }[]>(
    `select count(*)::int as total, count(*) filter (where user_id = ?)::int as heavy,
              count(distinct user_id)::int as users from tasks`,
    [HEAVY],
  );
  expect(counts).toEqual({ total: 1_100_000, heavy: 100_000, users: 10_001 });
  const [organised] = await sql<Record<string, number>>(
    `select (select count(*)::int from projects) as projects, (select count(*)::int from labels) as labels,
            (select count(*)::int from tasks where parent_id is not null) as subtasks,
            (select count(*)::int from tasks where project_id = $1) as "heavy project",
            (select count(*)::int from task_labels) as "task labels"`,
    [ORGANISATION.id(HEAVY, 'project', 0)],
  );
  log(`organised: ${JSON.stringify(organised)}`);
  expect(organised).toMatchObject({ projects: 50_040, labels: 60_040, subtasks: 330_000 });
  expect(organised?.['heavy project']).toBeGreaterThan(2_000);
  expect(organised?.['task labels']).toBeGreaterThan(550_000);
});

afterAll(async () => {
  await pool?.end();
  await orm?.close();
  await database?.drop();
});

const FILTERS: [string, ListTasksInput][] = [
  ['status pending', { status: ['pending'] }],
  ['status open', { status: ['pending', 'in_progress'] }],
  ['priority high', { priority: ['high'] }],
  ['priority low+medium', { priority: ['low', 'medium'] }],
  ['search common word', { search: 'invoice' }],
  ['search two words', { search: 'pay rent' }],
  ['search rare', { search: 'zebracorn' }],
  ['search in description', { search: 'about the budget' }],
  ['search short', { search: '%' }],
  ['due before now', { dueBefore: new Date() }],
  ['due after now', { dueAfter: new Date() }],
  ['due this week', { dueAfter: new Date(), dueBefore: new Date(Date.now() + 7 * 86_400_000) }],
  ['has due date', { hasDueDate: true }],
  ['no due date', { hasDueDate: false }],
  ['overdue', { overdue: true }],
  ['not overdue', { overdue: false }],
  ['pending + high + search', { status: ['pending'], priority: ['high'], search: 'report' }],
  ['open + overdue', { status: ['pending', 'in_progress'], overdue: true }],
  ['today view', { view: 'today' }],
  ['upcoming view', { view: 'upcoming' }],
];
const SORTED = [
  { sort: 'createdAt', order: 'desc' },
  { sort: 'dueDate', order: 'asc' },
  { sort: 'title', order: 'asc' },
] as const;

describe('every list and stats query uses an index that starts with user_id (1.1M tasks)', () => {
  it('the plan check catches a sequential scan and an index read without the owner', async () => {
    const plan = async (sql: string) => nodes((await explain({ sql, params: [] })).Plan);
    expect(planProblems(await plan('select count(*) from tasks where length(title) > 3'))).toEqual([
      'sequential scan of tasks',
      'no index starting with user_id finds the owner',
    ]);
    expect(
      planProblems(await plan('select count(*) from task_labels where label_id::text like $$1%$$')),
    ).toEqual(['sequential scan of task_labels', 'no index starting with user_id finds the owner']);
    expect(planProblems(await plan(`select task_id from task_labels where user_id = '${TYPICAL}'`))).toEqual([
      'reads every label link of the owner',
    ]);
    expect(planProblems(await plan("select id from tasks where description ilike '%budget%'"))).toEqual([
      'no index starting with user_id finds the owner',
    ]);
    expect(planProblems(await plan(`select id from tasks where user_id = '${HEAVY}' limit 5`))).toEqual([]);
  });

  it('the deep cursors used below are the ones the task list itself hands out', async () => {
    for (const sort of TASK_SORTS) {
      for (const order of ['asc', 'desc'] as const) {
        const input = { sort, order, limit: 50 };
        const page = await createQueries(pool).tasks.list(
          HEAVY,
          query(input),
          await cursorAt(HEAVY, input, 700),
        );
        expect(page.next).toEqual(await cursorAt(HEAVY, input, 750));
      }
    }
  });

  for (const [who, userId] of [
    ['heavy user (100,000 tasks)', HEAVY],
    ['typical user (~100 tasks)', TYPICAL],
  ] as const) {
    it(`${who}: each sort and order, page 1 and deep into the list`, async () => {
      for (const sort of TASK_SORTS) {
        for (const order of ['asc', 'desc'] as const) {
          const input = { sort, order, limit: 50 };
          const first = await checkPlan(`${who} ${sort} ${order} page 1`, await listStatement(userId, input));
          const deep = userId === HEAVY ? 50_000 : 50;
          const after = await cursorAt(userId, input, deep);
          const later = await checkPlan(
            `${who} ${sort} ${order} after ${deep} rows`,
            await listStatement(userId, input, after),
          );
          if (userId === HEAVY) {
            // The index gives the order, so page 1,000 reads one page of rows, like page 1.
            for (const [page, plan] of [
              ['page 1', first],
              ['page 1,000', later],
            ] as const) {
              expect(
                plan.filter((node) => node['Node Type'] === 'Sort'),
                `${sort} ${order} ${page} sorts`,
              ).toEqual([]);
            }
          }
        }
      }
    });

    it(`${who}: every filter, with several sorts, page 1 and a later page`, async () => {
      for (const [label, filter] of FILTERS) {
        for (const sorted of SORTED) {
          const input = { ...filter, ...sorted, limit: 50 };
          await checkPlan(`${who} ${label} ${sorted.sort}`, await listStatement(userId, input));
          const after = await walkedCursor(userId, input, 5);
          if (after)
            await checkPlan(
              `${who} ${label} ${sorted.sort} page 11`,
              await listStatement(userId, input, after),
            );
        }
      }
    });

    it(`${who}: task stats`, async () => {
      // undefined: the owner's settings zone, read inside the statement.
      for (const timeZone of ['UTC', 'Pacific/Kiritimati', 'America/New_York', undefined]) {
        await checkPlan(`${who} stats ${timeZone}`, await capture((tasks) => tasks.stats(userId, timeZone)));
      }
    });
  }

  it('reports what page 1 and page ~1,000 of the heavy user cost (EXPLAIN ANALYZE; not asserted)', async () => {
    const lines = ['sort        order   page 1 ms (blocks)   page 1,001 ms (blocks)'];
    for (const sort of TASK_SORTS) {
      for (const order of ['asc', 'desc'] as const) {
        const input = { sort, order, limit: 50 };
        const cost = async (after: TaskCursor | null) => {
          const statement = await listStatement(HEAVY, input, after);
          let best: { ms: number; blocks: number } | null = null;
          for (let run = 0; run < 3; run++) {
            const result = await explain(statement, true);
            const blocks = (result.Plan['Shared Hit Blocks'] ?? 0) + (result.Plan['Shared Read Blocks'] ?? 0);
            const ms = result['Execution Time'] ?? Number.NaN;
            if (!best || ms < best.ms) best = { ms, blocks };
          }
          return best ?? { ms: Number.NaN, blocks: 0 };
        };
        const first = await cost(null);
        const deep = await cost(await cursorAt(HEAVY, input, 50_000));
        lines.push(
          `${sort.padEnd(11)} ${order.padEnd(7)} ${first.ms.toFixed(3).padStart(8)} (${String(first.blocks).padStart(4)})` +
            `      ${deep.ms.toFixed(3).padStart(8)} (${String(deep.blocks).padStart(4)})`,
        );
      }
    }
    const stats = await explain(await capture((tasks) => tasks.stats(HEAVY, 'UTC')), true);
    lines.push(`stats (heavy user): ${stats['Execution Time']?.toFixed(1)} ms\n${render(stats.Plan)}`);
    log(lines.join('\n'));
  });
});

describe('projects, labels and subtasks: every new access path reads indexes (1.1M tasks)', () => {
  const OPEN: ListTasksInput = { status: ['pending', 'in_progress'] };
  const MANUAL = { sort: 'manual', order: 'asc' } as const;

  /** The organisation lists of one user, as the web app asks for them. */
  const lists = (userId: string): [string, ListTasksInput][] => {
    const project = ORGANISATION.id(userId, 'project', 0);
    const label = ORGANISATION.id(userId, 'label', 0);
    const otherLabel = ORGANISATION.id(userId, 'label', 1);
    // Task 1 of every group of ten is a parent with two subtasks.
    const parent = ORGANISATION.id(userId, 'task', 1);
    return [
      ['project, manual order', { projectId: project, parentId: null, ...MANUAL }],
      ['project, manual order, open', { projectId: project, parentId: null, ...OPEN, ...MANUAL }],
      [
        'project, manual order descending',
        { projectId: project, parentId: null, sort: 'manual', order: 'desc' },
      ],
      ['project with subtasks, newest first', { projectId: project }],
      ['project, due date', { projectId: project, ...OPEN, sort: 'dueDate', order: 'asc' }],
      ['Inbox, manual order', { projectId: null, parentId: null, ...MANUAL }],
      ['Inbox, manual order, open', { projectId: null, parentId: null, ...OPEN, ...MANUAL }],
      ['Inbox, open, newest first', { projectId: null, ...OPEN }],
      ['top level, manual order', { parentId: null, ...MANUAL }],
      ['subtasks of a parent', { parentId: parent, ...MANUAL }],
      ['one label, newest first', { labelIds: [label] }],
      ['one label, manual order', { labelIds: [label], ...MANUAL }],
      ['one label, open, manual order', { labelIds: [label], ...OPEN, ...MANUAL }],
      ['two labels, title', { labelIds: [label, otherLabel], sort: 'title', order: 'asc' }],
      ['label in a project', { projectId: project, labelIds: [label], ...MANUAL }],
      ['today view, due date', { view: 'today', sort: 'dueDate', order: 'asc' }],
      ['today view, manual order', { view: 'today', ...MANUAL }],
      ['today view in a project', { view: 'today', projectId: project, sort: 'dueDate', order: 'asc' }],
      ['upcoming view', { view: 'upcoming', sort: 'dueDate', order: 'asc' }],
      ['upcoming view with a label', { view: 'upcoming', labelIds: [label], sort: 'dueDate', order: 'asc' }],
    ];
  };

  for (const [who, userId] of [
    ['heavy user (100,000 tasks, 40 projects)', HEAVY],
    ['typical user (~100 tasks, 5 projects)', TYPICAL],
  ] as const) {
    it(`${who}: project, Inbox, label and subtask lists, page 1 and a later page`, async () => {
      for (const [label, input] of lists(userId)) {
        const first = await listStatement(userId, { ...input, limit: 50 });
        await checkPlan(`${who} ${label}`, first);
        const after = await walkedCursor(userId, input, 3);
        if (after)
          await checkPlan(
            `${who} ${label} page 7`,
            await listStatement(userId, { ...input, limit: 50 }, after),
          );
      }
    });

    it(`${who}: a project's list in manual order needs no sort, whichever page`, async () => {
      const input = {
        projectId: ORGANISATION.id(userId, 'project', 0),
        parentId: null,
        ...MANUAL,
        limit: 50,
      };
      const after = await walkedCursor(userId, input, 2);
      for (const statement of [
        await listStatement(userId, input),
        await listStatement(userId, input, after),
      ]) {
        const all = await checkPlan(`${who} project manual`, statement);
        expect(all.filter((node) => node['Node Type'] === 'Sort')).toEqual([]);
      }
    });

    it(`${who}: the ownership check of a list's project, labels and parent`, async () => {
      const ids = {
        projectId: ORGANISATION.id(userId, 'project', 1),
        labelIds: [0, 1, 2].map((n) => ORGANISATION.id(userId, 'label', n)),
        parentId: ORGANISATION.id(userId, 'task', 11),
      };
      const statement = await capture((tasks) => tasks.missingListFilter(userId, ids));
      const { Plan } = await explain(statement);
      expect(sequentialScans(nodes(Plan)), render(Plan)).toEqual([]);
    });

    it(`${who}: project.list with open task counts`, async () => {
      const statements: Statement[] = [];
      const found = await projectQueries(recording(statements)).list(userId);
      expect(found.length).toBe(
        userId === HEAVY ? ORGANISATION.projects.heavy : ORGANISATION.projects.typical,
      );
      expect(statements).toHaveLength(1);
      await checkPlan(`${who} project.list`, statements[0] as Statement);
    });
  }

  it('reports what the new lists of the heavy user cost (EXPLAIN ANALYZE; not asserted)', async () => {
    const lines = ['list (heavy user, page 1)                          ms   blocks'];
    const cost = async (label: string, statement: Statement) => {
      let best: { ms: number; blocks: number } | null = null;
      for (let run = 0; run < 3; run++) {
        const result = await explain(statement, true);
        const blocks = (result.Plan['Shared Hit Blocks'] ?? 0) + (result.Plan['Shared Read Blocks'] ?? 0);
        const ms = result['Execution Time'] ?? Number.NaN;
        if (!best || ms < best.ms) best = { ms, blocks };
      }
      lines.push(
        `${label.padEnd(46)} ${best?.ms.toFixed(3).padStart(8)} ${String(best?.blocks).padStart(7)}`,
      );
    };
    for (const [label, input] of lists(HEAVY))
      await cost(label, await listStatement(HEAVY, { ...input, limit: 50 }));
    const statements: Statement[] = [];
    await projectQueries(recording(statements)).list(HEAVY);
    await cost('project.list (40 projects, open counts)', statements[0] as Statement);
    log(lines.join('\n'));
  });
});
