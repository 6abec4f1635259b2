import type { TaskCursor } from '@taskapp/db/queries';
import { LIMITS } from '@taskapp/shared';
import { ORGANISATION } from '../../packages/db/test-scale/generate.js';
import type { BenchUser } from './accounts.js';
import { addRepeatingTasks, removeRepeatingTasks } from './datasets.js';
import { call, type HttpRequest, send, type Target } from './http-request.js';

export interface WorkloadContext {
  typical: BenchUser[];
  heavy: BenchUser;
  /** Where page 200 of the heavy user's default list starts, in each server's own form. */
  page200: { ours: string; baseline: TaskCursor };
}

export interface Workload {
  key: string;
  title: string;
  kind: 'read' | 'write' | 'mixed';
  /** Also measured against the baseline without its session-row check (issue #14's session cache budget). */
  jwtOnlyBaseline?: boolean;
  /** Connection counts above this are left out (see ONE_PERSON). */
  maxConnections?: number;
  /** The n-th request of a run (n counts across all connections). */
  request(target: Target, context: WorkloadContext, n: number): HttpRequest;
  /**
   * For a workload that uses up its tasks: made before it runs at each connection count (both servers
   * draw from the same supply) and removed after, so no other workload sees them.
   */
  fixtures?: {
    setUp(databaseUrl: string, context: WorkloadContext): Promise<void>;
    /** Returns a warning when the run asked for more than was made. */
    tearDown(databaseUrl: string): Promise<string | null>;
  };
}

export const PAGE_SIZE = 50;
const FILTERS = { status: ['pending', 'in_progress'], priority: ['high'], search: 'report' };

const typicalUser = (context: WorkloadContext, n: number) =>
  context.typical[n % context.typical.length] as BenchUser;

const listFirstPage: Workload = {
  key: 'list-first-page',
  title: 'list first page (default sort)',
  kind: 'read',
  jwtOnlyBaseline: true,
  request: (target, context, n) => call(target, 'query', 'list', {}, typicalUser(context, n).token),
};

/**
 * The heavy user's workloads are one person's calls: the API runs 6 of them at once and queues 40 more,
 * refusing the rest with TOO_MANY_REQUESTS (security finding 1), which 50 connections of one person
 * would meet by design. The baseline has no such limit.
 */
const ONE_PERSON = LIMITS.callsPerUser + LIMITS.callsQueuedPerUser;

const heavyPage1: Workload = {
  key: 'heavy-page-1',
  maxConnections: ONE_PERSON,
  title: 'heavy user: list page 1',
  kind: 'read',
  request: (target, context) => call(target, 'query', 'list', {}, context.heavy.token),
};

const heavyPage200: Workload = {
  key: 'heavy-page-200',
  maxConnections: ONE_PERSON,
  title: 'heavy user: list page 200 (cursor)',
  kind: 'read',
  request: (target, context) =>
    call(
      target,
      'query',
      'list',
      target === 'ours' ? { cursor: context.page200.ours } : { after: context.page200.baseline },
      context.heavy.token,
    ),
};

const filteredList: Workload = {
  key: 'list-filtered',
  title: 'filtered list (status + priority + search)',
  kind: 'read',
  request: (target, context, n) => call(target, 'query', 'list', FILTERS, typicalUser(context, n).token),
};

const stats: Workload = {
  key: 'stats',
  title: 'stats',
  kind: 'read',
  request: (target, context, n) =>
    call(target, 'query', 'stats', { timeZone: 'Europe/Berlin' }, typicalUser(context, n).token),
};

// As the web app asks for them (apps/web/src/features/tasks/view/place-input.ts): a project's open top-level
// tasks as the person dragged them, and Today (overdue first). The generated typical user's first project
// holds ~20 of their ~100 tasks, 14 at the top level.
const PROJECT_LIST = {
  parentId: null,
  status: ['pending', 'in_progress'],
  sort: 'manual',
  order: 'asc',
} as const;
const TODAY = { view: 'today', sort: 'dueDate', order: 'asc' } as const;

const listProject: Workload = {
  key: 'list-project',
  title: 'list a project (manual order)',
  kind: 'read',
  request: (target, context, n) => {
    const user = typicalUser(context, n);
    const projectId = ORGANISATION.id(user.id, 'project', 0);
    return call(target, 'query', 'list', { projectId, ...PROJECT_LIST }, user.token);
  },
};

const todayView: Workload = {
  key: 'today',
  title: 'Today view',
  kind: 'read',
  request: (target, context, n) => call(target, 'query', 'list', TODAY, typicalUser(context, n).token),
};

// As the web app asks (place-input.ts, subtask-list.tsx, use-task-queries.ts: pages of 50): Upcoming (the
// next seven days, by date), a label's open tasks (newest first, a label's default order), and a row's
// subtasks when it is expanded (manual order, every status).
const UPCOMING = { view: 'upcoming', sort: 'dueDate', order: 'asc', limit: PAGE_SIZE } as const;
const LABEL_LIST = { status: ['pending', 'in_progress'], sort: 'createdAt', order: 'desc', limit: PAGE_SIZE };
const SUBTASKS = { sort: 'manual', order: 'asc', limit: PAGE_SIZE } as const;

const upcoming: Workload = {
  key: 'upcoming',
  title: 'Upcoming view',
  kind: 'read',
  request: (target, context, n) => call(target, 'query', 'list', UPCOMING, typicalUser(context, n).token),
};

// A typical user has 0.4 open tasks due in the next week on average (mostly an empty page); the heavy user ~340.
const heavyUpcoming: Workload = {
  key: 'heavy-upcoming',
  maxConnections: ONE_PERSON,
  title: 'heavy user: Upcoming view',
  kind: 'read',
  request: (target, context) => call(target, 'query', 'list', UPCOMING, context.heavy.token),
};

const labelList: Workload = {
  key: 'list-label',
  title: 'label filter (open, newest first)',
  kind: 'read',
  request: (target, context, n) => {
    const user = typicalUser(context, n);
    const labelIds = [ORGANISATION.id(user.id, 'label', 0)];
    return call(target, 'query', 'list', { labelIds, ...LABEL_LIST }, user.token);
  },
};

// The heavy user's first label is on ~1,000 of 100,000 tasks (700 open); a typical user's on ~5 open ones.
const heavyLabelList: Workload = {
  key: 'heavy-label',
  maxConnections: ONE_PERSON,
  title: 'heavy user: label filter (open, newest first)',
  kind: 'read',
  request: (target, context) => {
    const labelIds = [ORGANISATION.id(context.heavy.id, 'label', 0)];
    return call(target, 'query', 'list', { labelIds, ...LABEL_LIST }, context.heavy.token);
  },
};

// Generated tasks come in groups of ten: the first of each (task 1, 11, …, 91 of a typical user) is a
// parent with two subtasks, one of which has a subtask of its own.
const subtasks: Workload = {
  key: 'subtasks',
  title: "subtask expand (a parent's subtasks)",
  kind: 'read',
  request: (target, context, n) => {
    const user = typicalUser(context, n);
    const group = Math.floor(n / context.typical.length) % 10;
    const parentId = ORGANISATION.id(user.id, 'task', 1 + 10 * group);
    return call(target, 'query', 'list', { parentId, ...SUBTASKS }, user.token);
  },
};

const create: Workload = {
  key: 'create',
  title: 'create',
  kind: 'write',
  request: (target, context, n) =>
    call(
      target,
      'mutation',
      'create',
      { title: `Bench write ${n}`, priority: 'high' },
      typicalUser(context, n).token,
    ),
};

const update: Workload = {
  key: 'update',
  title: 'update (status toggle)',
  kind: 'write',
  request: (target, context, n) => {
    const user = typicalUser(context, n);
    const round = Math.floor(n / context.typical.length);
    const id = user.taskIds[round % user.taskIds.length];
    return call(
      target,
      'mutation',
      'update',
      { id, status: round % 2 ? 'pending' : 'completed' },
      user.token,
    );
  },
};

// A drag within a project, as the web app sends it (reorder/use-move-tasks.ts): the typical user's task 5
// (top level of their first project) goes after task 10 and back to the top, turn about.
const move: Workload = {
  key: 'move',
  title: 'move (reorder within a project)',
  kind: 'write',
  request: (target, context, n) => {
    const user = typicalUser(context, n);
    const round = Math.floor(n / context.typical.length);
    const task = (number: number) => ORGANISATION.id(user.id, 'task', number);
    const projectId = ORGANISATION.id(user.id, 'project', 0);
    const afterId = round % 2 ? task(10) : null;
    return call(target, 'mutation', 'move', { id: task(5), projectId, afterId }, user.token);
  },
};

/**
 * Completing a task that repeats daily: the same task.update { status: completed } as any completion,
 * which also inserts the next occurrence (and copies its labels) in the same transaction. Each request
 * completes a different open repeating task, made for the run (enough for this machine's rates).
 */
const REPEATING_PER_USER = 150;
const repeating = { ids: new Map<string, string[]>(), next: 0, short: 0 };

const completeRepeating: Workload = {
  key: 'complete-repeating',
  title: 'complete a repeating task (spawns the next)',
  kind: 'write',
  request: (target, context, _n) => {
    // Its own count, not n: n starts again with every turn, and every request needs an unused task.
    const i = repeating.next++;
    const user = typicalUser(context, i);
    const ids = repeating.ids.get(user.id) ?? [];
    const k = Math.floor(i / context.typical.length);
    if (k >= ids.length) repeating.short++;
    const id = ids[k % ids.length];
    return call(target, 'mutation', 'update', { id, status: 'completed' }, user.token);
  },
  fixtures: {
    async setUp(databaseUrl, context) {
      const users = context.typical.map((user) => user.id);
      repeating.ids = await addRepeatingTasks(databaseUrl, users, REPEATING_PER_USER);
      repeating.next = 0;
      repeating.short = 0;
    },
    async tearDown(databaseUrl) {
      await removeRepeatingTasks(databaseUrl);
      return repeating.short
        ? `${repeating.short} of ${repeating.next} requests found no open repeating task left (raise REPEATING_PER_USER)`
        : null;
    },
  },
};

// 8 reads for every 2 writes, in a fixed interleaving.
const MIX = [
  listFirstPage,
  filteredList,
  listFirstPage,
  stats,
  create,
  listFirstPage,
  filteredList,
  listFirstPage,
  stats,
  update,
];

const mixed: Workload = {
  key: 'mixed',
  title: 'mixed 80/20 read/write',
  kind: 'mixed',
  request: (target, context, n) =>
    (MIX[n % MIX.length] as Workload).request(target, context, Math.floor(n / MIX.length)),
};

export const WORKLOADS = [
  listFirstPage,
  heavyPage1,
  heavyPage200,
  filteredList,
  stats,
  listProject,
  todayView,
  upcoming,
  heavyUpcoming,
  labelList,
  heavyLabelList,
  subtasks,
  create,
  update,
  move,
  completeRepeating,
  mixed,
];

/** Walks the heavy user's default list to the start of page `page` on a server, as a client scrolling would. */
export async function walkToPage(
  baseUrl: string,
  target: Target,
  token: string,
  page: number,
): Promise<string | TaskCursor> {
  let position: string | TaskCursor | null = null;
  for (let walked = 1; walked < page; walked++) {
    const input: object =
      position === null ? {} : target === 'ours' ? { cursor: position } : { after: position };
    const answer: { nextCursor?: string | null; next?: TaskCursor | null } = await send(
      baseUrl,
      target,
      call(target, 'query', 'list', input, token),
    );
    const next: string | TaskCursor | null | undefined = target === 'ours' ? answer.nextCursor : answer.next;
    if (!next) throw new Error(`the heavy user's list ended before page ${walked + 1}`);
    position = next;
  }
  return position as string | TaskCursor;
}
