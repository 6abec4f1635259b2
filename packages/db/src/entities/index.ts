import { ChangeLogHorizonSchema, ChangeSchema } from './change.entity.js';
import { DailyDigestSchema } from './daily-digest.entity.js';
import { DeletedTaskSchema } from './deleted-task.entity.js';
import { LabelSchema } from './label.entity.js';
import { MfaTicketSchema } from './mfa-ticket.entity.js';
import { PasskeySchema } from './passkey.entity.js';
import { ProjectSchema } from './project.entity.js';
import { PushSubscriptionSchema } from './push-subscription.entity.js';
import { RateLimitSchema } from './rate-limit.entity.js';
import { RecoveryCodeSchema } from './recovery-code.entity.js';
import { ReminderJobSchema } from './reminder-job.entity.js';
import { RotatedRefreshTokenSchema } from './rotated-refresh-token.entity.js';
import { SessionSchema } from './session.entity.js';
import { TaskSchema } from './task.entity.js';
import { TaskLabelSchema } from './task-label.entity.js';
import { UserSchema } from './user.entity.js';
import { UserSettingsSchema } from './user-settings.entity.js';
import { UserTokenSchema } from './user-token.entity.js';
import { UserTotpSchema } from './user-totp.entity.js';
import { WebauthnChallengeSchema } from './webauthn-challenge.entity.js';

export * from './change.entity.js';
export * from './daily-digest.entity.js';
export * from './deleted-task.entity.js';
export * from './label.entity.js';
export * from './mfa-ticket.entity.js';
export * from './passkey.entity.js';
export * from './project.entity.js';
export * from './push-subscription.entity.js';
export * from './rate-limit.entity.js';
export * from './recovery-code.entity.js';
export * from './reminder-job.entity.js';
export * from './rotated-refresh-token.entity.js';
export * from './session.entity.js';
export * from './task.entity.js';
export * from './task-label.entity.js';
export * from './user.entity.js';
export * from './user-settings.entity.js';
export * from './user-token.entity.js';
export * from './user-totp.entity.js';
export * from './webauthn-challenge.entity.js';

export const entities = [
  UserSchema,
  TaskSchema,
  SessionSchema,
  RotatedRefreshTokenSchema,
  UserTokenSchema,
  RateLimitSchema,
  DeletedTaskSchema,
  UserSettingsSchema,
  ProjectSchema,
  LabelSchema,
  TaskLabelSchema,
  ChangeSchema,
  ChangeLogHorizonSchema,
  ReminderJobSchema,
  PushSubscriptionSchema,
  DailyDigestSchema,
  UserTotpSchema,
  RecoveryCodeSchema,
  PasskeySchema,
  MfaTicketSchema,
  WebauthnChallengeSchema,
];
