import { DEFAULT_SETTINGS, type Settings, type UpdateSettingsInput, type WeekStart } from '@taskapp/shared';
import type { Queryable } from '../pg.js';
import { firstRow, raw, rows, sql } from './sql.js';

interface SettingsRow {
  time_zone: string;
  week_start: number;
  email_reminders: boolean;
  push_reminders: boolean;
  daily_digest_at: string | null;
}

const SETTINGS_COLUMNS = sql`"time_zone", "week_start", "email_reminders", "push_reminders", "daily_digest_at"`;

function toSettings(row: SettingsRow): Settings {
  return {
    timeZone: row.time_zone,
    weekStart: row.week_start as WeekStart,
    emailReminders: row.email_reminders,
    pushReminders: row.push_reminders,
    dailyDigestAt: row.daily_digest_at,
  };
}

/** A user's settings (`user_settings`); a user without a row has DEFAULT_SETTINGS. */
export function settingsQueries(db: Queryable) {
  return {
    async of(userId: string): Promise<Settings> {
      const row = await firstRow<SettingsRow>(
        db,
        sql`select ${SETTINGS_COLUMNS} from "user_settings" where "user_id" = ${userId}`,
      );
      return row ? toSettings(row) : { ...DEFAULT_SETTINGS };
    },

    /** Saves the fields given (undefined = unchanged) in one upsert and returns the whole settings. */
    async update(userId: string, changes: UpdateSettingsInput): Promise<Settings> {
      const next = { ...DEFAULT_SETTINGS, ...definedOnly(changes) };
      const keep = (column: string, field: keyof Settings) =>
        changes[field] === undefined ? `"user_settings"."${column}"` : `excluded."${column}"`;
      const row = await firstRow<SettingsRow>(
        db,
        sql`insert into "user_settings" ("user_id", ${SETTINGS_COLUMNS})
            values (${userId}, ${next.timeZone}, ${next.weekStart}, ${next.emailReminders},
                    ${next.pushReminders}, ${next.dailyDigestAt})
            on conflict ("user_id") do update set
              "time_zone" = ${raw(keep('time_zone', 'timeZone'))},
              "week_start" = ${raw(keep('week_start', 'weekStart'))},
              "email_reminders" = ${raw(keep('email_reminders', 'emailReminders'))},
              "push_reminders" = ${raw(keep('push_reminders', 'pushReminders'))},
              "daily_digest_at" = ${raw(keep('daily_digest_at', 'dailyDigestAt'))}
            returning ${SETTINGS_COLUMNS}`,
      );
      if (!row) throw new Error('upsert into user_settings returned no row');
      return toSettings(row);
    },

    /** Every time zone name PostgreSQL knows (its own tzdata may lack names Intl accepts). */
    async timeZoneNames(): Promise<string[]> {
      const found = await rows<{ name: string }>(db, sql`select "name" from pg_timezone_names`);
      return found.map((row) => row.name);
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
