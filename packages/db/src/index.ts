// The public surface of @taskapp/db, listed name by name. SQL lives behind '@taskapp/db/queries', test
// databases behind '@taskapp/db/testing'.
export { type EntityManager, LockMode, type MikroORM } from '@mikro-orm/postgresql';
export type { Client, Notification, Pool } from 'pg';
export type { DatabaseSettings } from './config.js';
export { type DatabaseEnv, databaseEnvSchema, parseEnv } from './database-env.js';
export { type RunningPostgres, startEmbeddedPostgres, startThrowawayPostgres, urlFor } from './embedded.js';
export {
  type Label,
  LabelSchema,
  type MfaTicket,
  MfaTicketSchema,
  type Passkey,
  PasskeySchema,
  type Project,
  ProjectSchema,
  RateLimitSchema,
  type RecoveryCode,
  RecoveryCodeSchema,
  type RotatedRefreshToken,
  RotatedRefreshTokenSchema,
  type Session,
  SessionSchema,
  type Task,
  type TaskLabel,
  TaskLabelSchema,
  TaskSchema,
  USER_TOKEN_PURPOSES,
  type User,
  UserSchema,
  type UserSettings,
  UserSettingsSchema,
  type UserToken,
  type UserTokenPurpose,
  UserTokenSchema,
  type UserTotp,
  UserTotpSchema,
  WEBAUTHN_CHALLENGE_PURPOSES,
  type WebauthnChallenge,
  type WebauthnChallengePurpose,
  WebauthnChallengeSchema,
} from './entities/index.js';
export { findFreePort } from './free-port.js';
export { findRepoRoot, type ProvidedDatabase, provideDatabase, resolveDataDir } from './local-database.js';
export { migrationsList } from './migrations/index.js';
export { BACKUP_LOCK_KEY, MIGRATION_LOCK_KEY, MIGRATIONS_TABLE } from './names.js';
export { databaseSettings, hasSchemaDrift, migrateToLatest, openOrm, withMigratedOrm } from './orm.js';
export {
  createPool,
  databaseName,
  databaseUrl,
  isDatabaseError,
  longLivedClient,
  poolCounters,
  type Queryable,
  withClient,
} from './pg.js';
