import { raw } from './sql.js';

/** An open task whose due date has passed: the list's `overdue` filter and the stats' count. */
export const IS_OVERDUE = raw(`("due_date" is not null and "due_date" < now() and "status" <> 'completed')`);
