/**
 * The facts shared/spec/database-schema.md requires of the database, written as data so the
 * conformance test can check each one against pg_catalog (and prove each check can fail).
 */
export interface ColumnSpec {
  type: string;
  nullable: boolean;
  default: string | null;
}

const uuidPk: ColumnSpec = { type: 'uuid', nullable: false, default: 'gen_random_uuid()' };
const timestampNow: ColumnSpec = {
  type: 'timestamp with time zone',
  nullable: false,
  default: 'CURRENT_TIMESTAMP',
};
const varchar255: ColumnSpec = { type: 'character varying(255)', nullable: false, default: null };
const optionalTimestamp: ColumnSpec = { type: 'timestamp with time zone', nullable: true, default: null };

export const specColumns: Record<string, Record<string, ColumnSpec>> = {
  users: {
    id: uuidPk,
    email: varchar255,
    name: varchar255,
    password_hash: varchar255,
    is_active: { type: 'boolean', nullable: false, default: 'true' },
    is_verified: { type: 'boolean', nullable: false, default: 'false' },
    created_at: timestampNow,
    updated_at: timestampNow,
  },
  tasks: {
    id: uuidPk,
    user_id: { type: 'uuid', nullable: false, default: null },
    title: varchar255,
    description: { type: 'text', nullable: true, default: null },
    status: { type: 'character varying(50)', nullable: false, default: "'pending'::character varying" },
    priority: { type: 'character varying(20)', nullable: false, default: "'medium'::character varying" },
    due_date: optionalTimestamp,
    completed_at: optionalTimestamp,
    created_at: timestampNow,
    updated_at: timestampNow,
  },
  sessions: {
    id: uuidPk,
    user_id: { type: 'uuid', nullable: false, default: null },
    token_hash: varchar255,
    expires_at: { type: 'timestamp with time zone', nullable: false, default: null },
    created_at: timestampNow,
  },
};

export const specPrimaryKeys: Record<string, string[]> = {
  users: ['id'],
  tasks: ['id'],
  sessions: ['id'],
};

export const specUniques: { table: string; columns: string[] }[] = [
  { table: 'users', columns: ['email'] },
  { table: 'sessions', columns: ['token_hash'] },
];

export const specForeignKeys: { table: string; column: string; references: string; onDelete: 'CASCADE' }[] = [
  { table: 'tasks', column: 'user_id', references: 'users(id)', onDelete: 'CASCADE' },
  { table: 'sessions', column: 'user_id', references: 'users(id)', onDelete: 'CASCADE' },
];

export const specChecks: { table: string; column: string; allowed: string[] }[] = [
  { table: 'tasks', column: 'status', allowed: ['pending', 'in_progress', 'completed'] },
  { table: 'tasks', column: 'priority', allowed: ['low', 'medium', 'high'] },
];

/** Every named index from the specification, plus the three composite ones it asks for. */
export const specIndexes: Record<string, { table: string; columns: string[] }> = {
  users_email_idx: { table: 'users', columns: ['email'] },
  users_created_at_idx: { table: 'users', columns: ['created_at'] },
  tasks_user_id_idx: { table: 'tasks', columns: ['user_id'] },
  tasks_status_idx: { table: 'tasks', columns: ['status'] },
  tasks_priority_idx: { table: 'tasks', columns: ['priority'] },
  tasks_due_date_idx: { table: 'tasks', columns: ['due_date'] },
  tasks_created_at_idx: { table: 'tasks', columns: ['created_at'] },
  tasks_user_id_status_idx: { table: 'tasks', columns: ['user_id', 'status'] },
  tasks_user_id_priority_idx: { table: 'tasks', columns: ['user_id', 'priority'] },
  tasks_user_id_due_date_idx: { table: 'tasks', columns: ['user_id', 'due_date'] },
  sessions_token_hash_idx: { table: 'sessions', columns: ['token_hash'] },
  sessions_expires_at_idx: { table: 'sessions', columns: ['expires_at'] },
};
