import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { DEFAULT_SETTINGS } from '@taskapp/shared';
import { UserSchema } from './user.entity.js';

/**
 * One row per user who saved settings (`account.settings` answers the defaults without one). The time
 * zone is a name from pg_timezone_names, so SQL can read "today" in it.
 */
export const UserSettingsSchema = defineEntity({
  name: 'UserSettings',
  tableName: 'user_settings',
  properties: {
    user: p
      .oneToOne(UserSchema)
      .primary()
      .owner()
      .ref()
      .deleteRule('cascade')
      .updateRule('no action')
      .foreignKeyName('user_settings_user_id_fkey'),
    timeZone: p.string().length(64).default(DEFAULT_SETTINGS.timeZone),
    // 0 Sunday, 1 Monday, 6 Saturday (JavaScript's day numbers).
    weekStart: p.smallint().default(DEFAULT_SETTINGS.weekStart),
    emailReminders: p.boolean().default(DEFAULT_SETTINGS.emailReminders),
    pushReminders: p.boolean().default(DEFAULT_SETTINGS.pushReminders),
    // 'HH:MM' in the settings' time zone; null = no daily digest.
    dailyDigestAt: p.string().length(5).nullable(),
  },
});

export type UserSettings = InferEntity<typeof UserSettingsSchema>;
