// The public surface of @taskapp/backup, listed name by name: what the API's scheduler, its environment
// and their tests use. The CLI (src/cli) and this package's tests reach the rest by file.
export { type LockOutcome, withTryAdvisoryLock } from './advisory-lock.js';
export { type AgeKeyPair, generateKeyPair, loadIdentities, parseRecipients } from './age-keys.js';
export { APP_VERSION } from './app-version.js';
export { type BackupEnv, backupEnvSchema, resolveBackupDir, retentionPolicy } from './backup-env.js';
export { type CreateBackupOptions, type CreatedBackup, createBackup } from './create-backup.js';
export {
  type BackupManifest,
  type BackupSidecar,
  backupFileName,
  type TableChecksum,
  totalRows,
  type VerificationRecord,
} from './format.js';
export { type ListedBackup, listBackups } from './list-backups.js';
export { type RestoreOptions, type RestoreResult, restoreBackup } from './restore-backup.js';
export { pruneBackups, type RetentionPolicy } from './retention.js';
export { type VerifyOptions, type VerifyResult, verifyBackup } from './verify-backup.js';
