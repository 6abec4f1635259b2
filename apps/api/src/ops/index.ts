// Operations: health, metrics, clean-up and scheduled backups.
export { type BackupScheduleOptions, runScheduledBackup, scheduleBackups } from './backup-schedule.js';
export { deleteExpiredRows, scheduleMaintenance } from './maintenance.js';
export { createMetrics, type Metrics, type ReplicaCounters } from './metrics.js';
