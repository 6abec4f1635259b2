// PostgreSQL advisory lock keys. Any fixed numbers work; they only have to be the same in every
// instance of the app and differ from each other. Kept free of imports so light commands can use them.

/** Held while migrating: instances starting together, and restores, take turns. */
export const MIGRATION_LOCK_KEY = 7_428_310_001;

/** Held by the instance taking a scheduled backup. */
export const BACKUP_LOCK_KEY = 7_428_310_002;
