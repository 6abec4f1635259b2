import type { TaskSort } from '@taskapp/shared';

export interface SortKey {
  /** SQL for the value tasks are ordered by; never NULL, so (key, id) row comparisons always work. */
  expression: string;
  /** The SQL type a cursor's value is cast back to. */
  type: 'timestamptz' | 'text' | 'integer';
}

/**
 * One entry per sort order. Each has an index on ("user_id", expression, "id") (see task.entity.ts), so
 * keyset pagination reads only the rows of one page, whichever page it is. Lists must use these exact
 * expressions for PostgreSQL to match the indexes.
 */
export const TASK_SORT_KEYS: Record<TaskSort | 'dueDateDesc', SortKey> = {
  createdAt: { expression: '"created_at"', type: 'timestamptz' },
  updatedAt: { expression: '"updated_at"', type: 'timestamptz' },
  // Tasks without a due date come last in both directions: infinity ascending, -infinity descending.
  dueDate: { expression: `coalesce("due_date", 'infinity'::timestamptz)`, type: 'timestamptz' },
  dueDateDesc: { expression: `coalesce("due_date", '-infinity'::timestamptz)`, type: 'timestamptz' },
  // high > medium > low, not alphabetical.
  priority: {
    expression: `(case "priority" when 'high' then 3 when 'medium' then 2 else 1 end)`,
    type: 'integer',
  },
  // Case-insensitive, as people read a list.
  title: { expression: 'lower("title")', type: 'text' },
  // Fractional-indexing keys compare byte by byte, whatever the database's locale.
  manual: { expression: '("position" collate "C")', type: 'text' },
};

export function sortKeyFor(sort: TaskSort, order: 'asc' | 'desc'): SortKey {
  return sort === 'dueDate' && order === 'desc' ? TASK_SORT_KEYS.dueDateDesc : TASK_SORT_KEYS[sort];
}
