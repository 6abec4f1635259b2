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
  | { kind: 'limit-reached' }
  /** The owner has a label of that name, ignoring case. */
  | { kind: 'duplicate' };

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

    /** Refused once the owner has LIMITS.labelsPerUser labels, or one of that name ignoring case. */
    async create(userId: string, input: CreateLabelInput, now: Date): Promise<LabelCreate> {
      try {
        const created = await insertWithinLimit(db, userId, LABEL_LIMIT, (tx) =>
          firstRow<LabelDto>(
            tx,
            sql`insert into "labels" ("user_id", "name", "color", "created_at", "updated_at")
                values (${userId}, ${input.name}, ${input.color ?? DEFAULT_COLOR}, ${now}, ${now})
                returning ${LABEL_COLUMNS}`,
          ),
        );
        if (created === LIMIT_REACHED) return { kind: 'limit-reached' };
        if (!created) throw new Error('insert into labels returned no row');
        return { kind: 'created', label: toLabelDto(created) };
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
