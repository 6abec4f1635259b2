import type { Pool } from '@taskapp/db';
import { createQueries, type TaskCursor } from '@taskapp/db/queries';
import { type ListTasksQuery, type MoveTaskInput, TASK_STATUSES, type TaskStatus } from '@taskapp/shared';

/** What the baseline's list takes: the API's filters, plus the plain keyset position instead of a signed cursor. */
export interface BaselineListInput extends Partial<Omit<ListTasksQuery, 'cursor'>> {
  after?: TaskCursor | null;
}

export class BadRequest extends Error {}
export class NotFound extends Error {}

const isStatus = (value: unknown): value is TaskStatus => TASK_STATUSES.includes(value as TaskStatus);

/**
 * The baseline runs the very statements the API runs (packages/db/src/queries, on plain pg), so the
 * benchmark's ratio is the cost of everything around the SQL: Express, tRPC, superjson, validation.
 */
export function handlers(pool: Pool) {
  const { tasks } = createQueries(pool);
  return {
    async list(userId: string, input: BaselineListInput) {
      const { after = null, ...filters } = input;
      const given: ListTasksQuery = { sort: 'createdAt', order: 'desc', limit: 50, ...filters };
      // As the API: Upcoming is a schedule, always in date order.
      const query: ListTasksQuery =
        given.view === 'upcoming' ? { ...given, sort: 'dueDate', order: 'asc' } : given;
      if (query.limit < 1 || query.limit > 100) throw new BadRequest('limit');
      const page = await tasks.list(userId, query, after);
      // As the API: an empty first page checks that the ids it names are the caller's.
      if (!after && page.items.length === 0 && (await tasks.missingListFilter(userId, query)))
        throw new NotFound('filter');
      return { items: page.items, next: page.next };
    },

    stats(userId: string, input: { timeZone?: string }) {
      return tasks.stats(userId, input.timeZone ?? 'UTC');
    },

    create(userId: string, input: { title?: string; priority?: 'low' | 'medium' | 'high' }) {
      const title = input.title?.trim();
      if (!title || title.length > 255) throw new BadRequest('title');
      return tasks.create(userId, { title, priority: input.priority }, new Date());
    },

    async update(userId: string, input: { id?: string; status?: string }) {
      const { id, status } = input;
      if (!id || !isStatus(status)) throw new BadRequest('input');
      const result = await tasks.update(userId, id, { status }, undefined, new Date());
      if (result.kind !== 'updated') throw new NotFound('task');
      return result.task;
    },

    async move(userId: string, input: Partial<MoveTaskInput>) {
      const { id } = input;
      if (!id) throw new BadRequest('id');
      const task = await tasks.move(userId, { ...input, id }, new Date());
      if (!task) throw new NotFound('task');
      return task;
    },
  };
}
