// Fixed names and numbers that several modules must agree on. Kept free of imports so light commands
// (a backup streams without MikroORM) can use them.

/** MikroORM's bookkeeping table of applied migrations. */
export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

// PostgreSQL advisory lock keys. Any fixed numbers work; they only have to be the same in every
// instance of the app and differ from each other.

/** Held while migrating: instances starting together, and restores, take turns. */
export const MIGRATION_LOCK_KEY = 7_428_310_001;

/** Held by the instance taking a scheduled backup. */
export const BACKUP_LOCK_KEY = 7_428_310_002;
