import {
  type Color,
  type CreateProjectInput,
  DEFAULT_COLOR,
  LIMITS,
  type UpdateProjectInput,
} from '@taskapp/shared';
import type { Queryable } from '../pg.js';
import { keyAfter, keyBetween } from './order-keys.js';
import { insertWithinLimit, LIMIT_REACHED } from './owner-limit.js';
import { firstRow, join, rowCount, rows, type Sql, sql } from './sql.js';

/** A project as the API returns it; archived ones are listed too (the web hides them). */
export interface ProjectDto {
  id: string;
  name: string;
  color: Color;
  /** Its fractional-indexing key in the sidebar order. */
  position: string;
  archivedAt: Date | null;
  /** Its tasks (subtasks included) that are not completed. */
  openTaskCount: number;
}

interface ProjectRow {
  id: string;
  name: string;
  color: string;
  position: string;
  archived_at: Date | null;
  open_task_count: number;
}

export type ProjectChanges = Omit<UpdateProjectInput, 'id'>;

export type ProjectCreate =
  | { kind: 'created'; project: ProjectDto }
  /** The caller already has a project of the create's client id: a repeat, answered unchanged. */
  | { kind: 'existing'; project: ProjectDto }
  | { kind: 'limit-reached' }
  /** Someone else's project has the create's client id. */
  | { kind: 'id-taken' };

export type ProjectUpdate =
  | { kind: 'updated'; project: ProjectDto }
  | { kind: 'missing' }
  /** `afterId` is not one of the owner's projects. */
  | { kind: 'after-missing' };

const PROJECT_LIMIT = { table: 'projects', max: LIMITS.projectsPerUser, lockClass: 7_428_311 } as const;

const BY_POSITION = sql`("position" collate "C"), "id"`;

/** The DTO's columns of the rows in `from` (a CTE or the table), the open count read with the owner's index. */
function projectColumns(userId: string): Sql {
  return sql`"id", "name", "color", "position", "archived_at",
    (select count(*)::int from "tasks"
      where "tasks"."user_id" = ${userId} and "tasks"."project_id" = "p"."id" and "tasks"."status" <> 'completed'
    ) as "open_task_count"`;
}

function toProjectDto(row: ProjectRow): ProjectDto {
  return {
    id: row.id,
    name: row.name,
    color: row.color as Color,
    position: row.position,
    archivedAt: row.archived_at,
    openTaskCount: row.open_task_count,
  };
}

/** What a create with a client id answers when a project already has that id; undefined when none has. */
async function withClientId(db: Queryable, userId: string, id: string) {
  const row = await firstRow<ProjectRow & { mine: boolean }>(
    db,
    sql`select ${projectColumns(userId)}, "p"."user_id" = ${userId} as "mine"
        from "projects" as "p" where "p"."id" = ${id}`,
  );
  if (!row) return undefined;
  return row.mine
    ? ({ kind: 'existing', project: toProjectDto(row) } as const)
    : ({ kind: 'id-taken' } as const);
}

/** Owner-scoped: another user's project (or afterId) behaves like a missing one. */
export function projectQueries(db: Queryable) {
  /** The owned project `id` as a DTO, read after a write through `from` (a CTE of the written row). */
  const readBack = async (userId: string, write: Sql, on: Queryable = db) => {
    const row = await firstRow<ProjectRow>(
      on,
      sql`with "written" as (${write}) select ${projectColumns(userId)} from "written" as "p"`,
    );
    return row && toProjectDto(row);
  };

  /** The key that places a project right after `afterId` (first when null); undefined if that is not the owner's. */
  async function positionAfter(
    userId: string,
    id: string,
    afterId: string | null,
  ): Promise<string | undefined> {
    if (afterId === null) {
      const first = await firstRow<{ position: string }>(
        db,
        sql`select "position" from "projects" where "user_id" = ${userId} and "id" <> ${id}
            order by ${BY_POSITION} limit 1`,
      );
      return keyBetween(null, first?.position ?? null);
    }
    const place = await firstRow<{ after: string; next: string | null }>(
      db,
      sql`select "a"."position" as "after",
            (select "n"."position" from "projects" as "n"
              where "n"."user_id" = ${userId} and "n"."id" <> ${id}
                and ("n"."position" collate "C", "n"."id") > ("a"."position" collate "C", "a"."id")
              order by ("n"."position" collate "C"), "n"."id" limit 1) as "next"
          from "projects" as "a" where "a"."id" = ${afterId} and "a"."user_id" = ${userId}`,
    );
    return place && keyBetween(place.after, place.next);
  }

  return {
    /** Every project of the owner, archived ones included, in sidebar order. */
    async list(userId: string): Promise<ProjectDto[]> {
      const found = await rows<ProjectRow>(
        db,
        sql`select ${projectColumns(userId)} from "projects" as "p"
            where "p"."user_id" = ${userId} order by ("p"."position" collate "C"), "p"."id"`,
      );
      return found.map(toProjectDto);
    },

    /**
     * Placed last in the sidebar; refused once the owner has LIMITS.projectsPerUser projects. With a
     * client id the caller already has, that project unchanged (not counted against the limit).
     */
    async create(userId: string, input: CreateProjectInput, now: Date): Promise<ProjectCreate> {
      const clientId = input.id;
      const created = await insertWithinLimit<ProjectCreate>(
        db,
        userId,
        PROJECT_LIMIT,
        async (tx) => {
          const last = await firstRow<{ position: string }>(
            tx,
            sql`select "position" from "projects" where "user_id" = ${userId}
                order by ("position" collate "C") desc, "id" desc limit 1`,
          );
          const project = await readBack(
            userId,
            sql`insert into "projects" ("id", "user_id", "name", "color", "position", "created_at", "updated_at")
                values (coalesce(${clientId ?? null}::uuid, gen_random_uuid()), ${userId}, ${input.name},
                        ${input.color ?? DEFAULT_COLOR}, ${keyAfter(last?.position ?? null)}, ${now}, ${now})
                on conflict ("id") do nothing
                returning *`,
            tx,
          );
          if (project) return { kind: 'created', project };
          // Someone else's create with the same client id committed while this one waited on it.
          const taken = clientId ? await withClientId(tx, userId, clientId) : undefined;
          if (!taken) throw new Error('insert into projects returned no row');
          return taken;
        },
        clientId ? (tx) => withClientId(tx, userId, clientId) : undefined,
      );
      return created === LIMIT_REACHED ? { kind: 'limit-reached' } : created;
    },

    /**
     * Renames, recolours, archives (archivedAt = now; archiving again keeps the first date) or brings
     * back, and moves right after `afterId` (first when null), in one UPDATE after reading the new
     * neighbours. Moving a project after itself leaves it where it is.
     */
    async update(userId: string, id: string, changes: ProjectChanges, now: Date): Promise<ProjectUpdate> {
      const sets: Sql[] = [sql`"updated_at" = ${now}`];
      if (changes.name !== undefined) sets.push(sql`"name" = ${changes.name}`);
      if (changes.color !== undefined) sets.push(sql`"color" = ${changes.color}`);
      if (changes.archived === true) sets.push(sql`"archived_at" = coalesce("archived_at", ${now})`);
      if (changes.archived === false) sets.push(sql`"archived_at" = null`);
      if (changes.afterId !== undefined && changes.afterId !== id) {
        const position = await positionAfter(userId, id, changes.afterId);
        if (position === undefined) return { kind: 'after-missing' };
        sets.push(sql`"position" = ${position}`);
      }
      const project = await readBack(
        userId,
        sql`update "projects" set ${join(sets, ', ')}
            where "id" = ${id} and "user_id" = ${userId} returning *`,
      );
      return project ? { kind: 'updated', project } : { kind: 'missing' };
    },

    /** Whether the owner had it. Its tasks move to the Inbox: tasks.project_id is ON DELETE SET NULL. */
    async delete(userId: string, id: string): Promise<boolean> {
      return (
        (await rowCount(db, sql`delete from "projects" where "id" = ${id} and "user_id" = ${userId}`)) > 0
      );
    },
  };
}
