import {
  type Color,
  type CreateLabelInput,
  DEFAULT_COLOR,
  LIMITS,
  type UpdateLabelInput,
} from '@taskapp/shared';
import type { Queryable } from '../pg.js';
import { insertWithinLimit, LIMIT_REACHED } from './owner-limit.js';
import { firstRow, join, rowCount, rows, type Sql, sql } from './sql.js';

export interface LabelDto {
  id: string;
  name: string;
  color: Color;
}

export type LabelChanges = Omit<UpdateLabelInput, 'id'>;

export type LabelCreate =
  | { kind: 'created'; label: LabelDto }
  /** The caller already has a label of the create's client id: a repeat, answered unchanged. */
  | { kind: 'existing'; label: LabelDto }
  | { kind: 'limit-reached' }
  /** The owner has a label of that name, ignoring case. */
  | { kind: 'duplicate' }
  /** Someone else's label has the create's client id. */
  | { kind: 'id-taken' };

export type LabelUpdate = { kind: 'updated'; label: LabelDto } | { kind: 'missing' } | { kind: 'duplicate' };

const LABEL_LIMIT = { table: 'labels', max: LIMITS.labelsPerUser, lockClass: 7_428_312 } as const;

const LABEL_COLUMNS = sql`"id", "name", "color"`;

/** The unique index that makes names unique per owner ignoring case. */
const UNIQUE_NAME = 'labels_user_id_lower_name_key';

function isDuplicateName(error: unknown): boolean {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && constraint === UNIQUE_NAME;
}

const toLabelDto = (row: { id: string; name: string; color: string }): LabelDto => ({
  id: row.id,
  name: row.name,
  color: row.color as Color,
});

/** What a create with a client id answers when a label already has that id; undefined when none has. */
async function withClientId(db: Queryable, userId: string, id: string) {
  const row = await firstRow<LabelDto & { mine: boolean }>(
    db,
    sql`select ${LABEL_COLUMNS}, "user_id" = ${userId} as "mine" from "labels" where "id" = ${id}`,
  );
  if (!row) return undefined;
  return row.mine ? ({ kind: 'existing', label: toLabelDto(row) } as const) : ({ kind: 'id-taken' } as const);
}

/** Owner-scoped: another user's label behaves like a missing one. */
export function labelQueries(db: Queryable) {
  return {
    /** Every label of the owner, by name ignoring case. */
    async list(userId: string): Promise<LabelDto[]> {
      const found = await rows<LabelDto>(
        db,
        sql`select ${LABEL_COLUMNS} from "labels" where "user_id" = ${userId} order by lower("name"), "id"`,
      );
      return found.map(toLabelDto);
    },

    /**
     * Refused once the owner has LIMITS.labelsPerUser labels, or one of that name ignoring case. With a
     * client id the caller already has, that label unchanged (whatever the name; not counted).
     */
    async create(userId: string, input: CreateLabelInput, now: Date): Promise<LabelCreate> {
      const clientId = input.id;
      try {
        const created = await insertWithinLimit<LabelCreate>(
          db,
          userId,
          LABEL_LIMIT,
          async (tx) => {
            const row = await firstRow<LabelDto>(
              tx,
              sql`insert into "labels" ("id", "user_id", "name", "color", "created_at", "updated_at")
                  values (coalesce(${clientId ?? null}::uuid, gen_random_uuid()), ${userId}, ${input.name},
                          ${input.color ?? DEFAULT_COLOR}, ${now}, ${now})
                  on conflict ("id") do nothing
                  returning ${LABEL_COLUMNS}`,
            );
            if (row) return { kind: 'created', label: toLabelDto(row) };
            // Someone else's create with the same client id committed while this one waited on it.
            const taken = clientId ? await withClientId(tx, userId, clientId) : undefined;
            if (!taken) throw new Error('insert into labels returned no row');
            return taken;
          },
          clientId ? (tx) => withClientId(tx, userId, clientId) : undefined,
        );
        return created === LIMIT_REACHED ? { kind: 'limit-reached' } : created;
      } catch (error) {
        if (isDuplicateName(error)) return { kind: 'duplicate' };
        throw error;
      }
    },

    async update(userId: string, id: string, changes: LabelChanges, now: Date): Promise<LabelUpdate> {
      const sets: Sql[] = [sql`"updated_at" = ${now}`];
      if (changes.name !== undefined) sets.push(sql`"name" = ${changes.name}`);
      if (changes.color !== undefined) sets.push(sql`"color" = ${changes.color}`);
      try {
        const row = await firstRow<LabelDto>(
          db,
          sql`update "labels" set ${join(sets, ', ')} where "id" = ${id} and "user_id" = ${userId}
              returning ${LABEL_COLUMNS}`,
        );
        return row ? { kind: 'updated', label: toLabelDto(row) } : { kind: 'missing' };
      } catch (error) {
        if (isDuplicateName(error)) return { kind: 'duplicate' };
        throw error;
      }
    },

    /** Whether the owner had it; task_labels rows go with it (ON DELETE CASCADE). */
    async delete(userId: string, id: string): Promise<boolean> {
      return (await rowCount(db, sql`delete from "labels" where "id" = ${id} and "user_id" = ${userId}`)) > 0;
    },
  };
}
