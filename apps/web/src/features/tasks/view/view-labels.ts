import type { TaskSort } from '@taskapp/shared';
import type { DueFilter, SortOrder } from './task-view';

export const DUE_LABELS: Record<DueFilter, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  week: 'Due this week',
  none: 'No due date',
};

export const SORT_LABELS: Record<TaskSort, string> = {
  createdAt: 'Date created',
  updatedAt: 'Last changed',
  dueDate: 'Due date',
  priority: 'Priority',
  title: 'Title',
  manual: 'My order',
};

// Each direction said the way a person thinks of that sort.
export const ORDER_LABELS: Record<TaskSort, Record<SortOrder, string>> = {
  createdAt: { desc: 'Newest first', asc: 'Oldest first' },
  updatedAt: { desc: 'Most recent first', asc: 'Least recent first' },
  dueDate: { asc: 'Soonest first', desc: 'Latest first' },
  priority: { desc: 'Highest first', asc: 'Lowest first' },
  title: { asc: 'A to Z', desc: 'Z to A' },
  manual: { asc: 'As arranged', desc: 'Reversed' },
};
