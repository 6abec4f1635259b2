import type { TaskCursor } from '@taskapp/db/queries';
import { ORGANISATION } from '../../packages/db/test-scale/generate.js';
import type { BenchUser } from './accounts.js';
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
  /** The n-th request of a run (n counts across all connections). */
  request(target: Target, context: WorkloadContext, n: number): HttpRequest;
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

const heavyPage1: Workload = {
  key: 'heavy-page-1',
  title: 'heavy user: list page 1',
  kind: 'read',
  request: (target, context) => call(target, 'query', 'list', {}, context.heavy.token),
};

const heavyPage200: Workload = {
  key: 'heavy-page-200',
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
  create,
  update,
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
