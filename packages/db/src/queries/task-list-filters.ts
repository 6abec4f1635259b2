import type { ListTasksQuery } from '@taskapp/shared';
import type { Queryable } from '../pg.js';
import { firstRow, join, type Sql, sql } from './sql.js';

/** The ids a task list can be filtered by. */
export type ListFilterIds = Pick<ListTasksQuery, 'projectId' | 'labelIds' | 'parentId'>;

/** Which of the ids a list is filtered by is not the owner's. */
export type MissingListFilter = 'project' | 'label' | 'parent';

/**
 * The first project, label or parent task the list is filtered by that the owner does not have (someone
 * else's or no one's), or null when there is none: one statement of primary-key probes, none when the
 * list names no id. A list of someone else's project would be empty anyway; this tells the two apart.
 */
export async function missingListFilter(
  db: Queryable,
  userId: string,
  query: ListFilterIds,
): Promise<MissingListFilter | null> {
  const checks: Sql[] = [];
  if (query.projectId)
    checks.push(
      sql`exists (select 1 from "projects" where "id" = ${query.projectId} and "user_id" = ${userId}) as "project"`,
    );
  if (query.labelIds?.length) {
    const ids = join(
      query.labelIds.map((id) => sql`${id}`),
      ', ',
    );
    // The ids are distinct (the input schema refuses repeats), so every one is found when the counts match.
    checks.push(
      sql`(select count(*) from "labels" where "user_id" = ${userId} and "id" in (${ids})) = ${query.labelIds.length} as "label"`,
    );
  }
  if (query.parentId)
    checks.push(
      sql`exists (select 1 from "tasks" where "id" = ${query.parentId} and "user_id" = ${userId}) as "parent"`,
    );
  if (checks.length === 0) return null;
  const found = await firstRow<Partial<Record<MissingListFilter, boolean>>>(
    db,
    sql`select ${join(checks, ', ')}`,
  );
  const missing = (['project', 'label', 'parent'] as const).find((kind) => found?.[kind] === false);
  return missing ?? null;
}
