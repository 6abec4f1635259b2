import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withClient } from '@taskapp/db';
import { afterAll } from 'vitest';
import { type AgeKeyPair, generateKeyPair } from '../src/index.js';

export const APP_TABLES = [
  'users',
  'tasks',
  'sessions',
  'rotated_refresh_tokens',
  'user_tokens',
  'rate_limits',
  'user_settings',
  'projects',
  'labels',
  'task_labels',
  'user_totp',
  'recovery_codes',
  'passkeys',
  'mfa_tickets',
  'webauthn_challenges',
];

async function tableExists(
  client: Parameters<Parameters<typeof withClient>[1]>[0],
  table: string,
): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [
    table,
  ]);
  return rows[0]?.found === true;
}

async function columnExists(
  client: Parameters<Parameters<typeof withClient>[1]>[0],
  table: string,
  column: string,
): Promise<boolean> {
  const { rows } = await client.query<{ found: boolean }>(
    `SELECT exists(SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = $2) AS found`,
    [table, column],
  );
  return rows[0]?.found === true;
}

/** Primary key of the app tables whose key is not `id`. */
const KEY_COLUMNS: Record<string, string> = {
  rate_limits: 'key',
  rotated_refresh_tokens: 'token_hash',
  user_settings: 'user_id',
  user_totp: 'user_id',
  task_labels: '(task_id, label_id)',
};

/**
 * Row count and MD5 of every app table's rows (as JSON, in primary-key order), computed by the server,
 * independently of the backup code.
 */
export function tableFingerprints(
  url: string,
  /** Columns left out, e.g. ones a later migration added, to compare across schema versions. */
  without: string[] = [],
): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    await client.query("SET TimeZone = 'UTC'");
    const result: Record<string, string> = {};
    for (const table of [...APP_TABLES, 'mikro_orm_migrations']) {
      // Tables added by later migrations are absent from a database at an older one.
      if (!(await tableExists(client, table))) continue;
      const key = KEY_COLUMNS[table] ?? 'id';
      const orderBy = table === 'mikro_orm_migrations' ? 'name' : `${key}::text COLLATE "C"`;
      const columns = table === 'mikro_orm_migrations' ? 'name' : 't.*';
      const { rows } = await client.query(
        `SELECT count(*) AS n, md5(coalesce(string_agg((to_jsonb(r) - $1::text[])::text, E'\\n' ORDER BY r.o), '')) AS h
         FROM (SELECT ${columns}, ${orderBy} AS o FROM ${table} t) r`,
        [without],
      );
      result[table] = `${rows[0].n} ${rows[0].h}`;
    }
    return result;
  });
}

const tempDirs: string[] = [];
afterAll(async () => {
  for (const dir of tempDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A folder under the temp directory, removed after the test file. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'taskapp-backup-test-'));
  tempDirs.push(dir);
  return dir;
}

let keys: AgeKeyPair | undefined;
export async function testKeys(): Promise<AgeKeyPair> {
  keys ??= await generateKeyPair();
  return keys;
}

/**
 * Users, tasks, sessions and the rest with awkward content: emoji, control characters, quotes and
 * backslashes, long descriptions, null due dates, microsecond timestamps.
 */
export async function seedAwkwardData(url: string, users = 3): Promise<void> {
  await withClient(url, async (client) => {
    const binaryish = Array.from({ length: 255 }, (_, i) => String.fromCharCode(i + 1)).join('');
    for (let u = 0; u < users; u += 1) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO users (email, name, password_hash, is_verified)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [
          `seed-${u}-${Math.random().toString(36).slice(2)}@example.com`,
          `Zoë 🦄 "${u}" \\ O'Brien`,
          `$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ${u}$aGFzaGhhc2hoYXNo`,
          u % 2 === 0,
        ],
      );
      const userId = rows[0]?.id;
      await client.query(
        `INSERT INTO tasks (user_id, title, description, status, priority, due_date, completed_at, created_at)
         SELECT $1, 'Task ' || g || ' 🚀 ' || $2::text, CASE g % 4 WHEN 0 THEN NULL WHEN 1 THEN repeat('long ✓ ', 1400)
           ELSE $3::text END,
           (ARRAY['pending','in_progress','completed'])[1 + g % 3], (ARRAY['low','medium','high'])[1 + g % 3],
           CASE WHEN g % 2 = 0 THEN NULL ELSE clock_timestamp() + g * interval '1 day 1 microsecond' END,
           CASE WHEN g % 3 = 2 THEN clock_timestamp() END, clock_timestamp() - g * interval '1 hour'
         FROM generate_series(1, 40) g`,
        [userId, '\t"quoted"\\', binaryish],
      );
      const session = await client.query<{ id: string }>(
        `INSERT INTO sessions (user_id, token_hash, expires_at, user_agent)
         VALUES ($1, md5(random()::text) || md5(random()::text), now() + interval '30 days', 'Mozilla/5.0 (X11) ✓')
         RETURNING id`,
        [userId],
      );
      await client.query(
        `INSERT INTO rotated_refresh_tokens (token_hash, session_id) VALUES (md5(random()::text) || md5(random()::text), $1)`,
        [session.rows[0]?.id],
      );
      if (await tableExists(client, 'user_settings')) {
        await client.query(
          `INSERT INTO user_settings (user_id, time_zone, week_start, daily_digest_at)
           VALUES ($1, 'America/Argentina/Buenos_Aires', 0, '07:30')`,
          [userId],
        );
      }
      if (userId && (await tableExists(client, 'projects'))) await seedOrganisation(client, userId);
      if (userId && (await columnExists(client, 'tasks', 'recurrence_rule')))
        await seedRecurrence(client, userId);
      if (await tableExists(client, 'push_subscriptions')) {
        // A browser's push subscription: device data a restore must bring back (keys are base64url).
        await client.query(
          `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, hide_titles)
           VALUES ($1, 'https://fcm.googleapis.com/fcm/send/' || md5(random()::text), 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', 'tBHItJI5svbpez7KI4CCXg', true)`,
          [userId],
        );
      }
      if (userId && (await tableExists(client, 'user_totp'))) await seedSecondFactors(client, userId);
      await client.query(
        `INSERT INTO user_tokens (user_id, purpose, token_hash, expires_at)
         VALUES ($1, 'verify_email', md5(random()::text) || md5(random()::text), now() + interval '1 day')`,
        [userId],
      );
    }
    await client.query(
      `INSERT INTO rate_limits (key, points, expire) VALUES ('login:ip:10.0.0.1', 3, 1795000000000), ('Zz', 1, NULL), ('aa', 2, NULL) ON CONFLICT DO NOTHING`,
    );
  });
}

/**
 * Second factors (issue 17), which a restore must bring back or people lose them: an authenticator app with
 * its encrypted secret, two recovery codes (one used), a passkey with a counter past 2^32 and its
 * transports, a half-finished sign-in and a waiting WebAuthn challenge.
 */
async function seedSecondFactors(client: Parameters<Parameters<typeof withClient>[1]>[0], userId: string) {
  await client.query(
    `INSERT INTO user_totp (user_id, secret_ciphertext, confirmed_at, last_used_step)
     VALUES ($1, 'djEuAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8', clock_timestamp(), 59800123)`,
    [userId],
  );
  await client.query(
    `INSERT INTO recovery_codes (user_id, code_hash, used_at)
     VALUES ($1, encode(sha256(random()::text::bytea), 'hex'), NULL),
            ($1, encode(sha256(random()::text::bytea), 'hex'), clock_timestamp())`,
    [userId],
  );
  await client.query(
    `INSERT INTO passkeys (user_id, credential_id, public_key, counter, transports, name, backed_up)
     VALUES ($1, md5(random()::text), 'pQECAyYgASFYIBlBfVKKLVbE_5F9-gfG', 4294967301, '["internal","hybrid"]', 'Zoë''s 🔑 "laptop"', true)`,
    [userId],
  );
  await client.query(
    `INSERT INTO mfa_tickets (user_id, token_hash, client_hash, expires_at, failed_attempts)
     VALUES ($1, md5(random()::text) || md5(random()::text), md5(random()::text) || md5(random()::text), now() + interval '5 minutes', 2)`,
    [userId],
  );
  await client.query(
    `INSERT INTO webauthn_challenges (user_id, challenge, purpose, expires_at)
     VALUES ($1, md5(random()::text), 'second-factor', now() + interval '5 minutes')`,
    [userId],
  );
}

/**
 * Two projects (one archived), two labels, a third of the tasks in a project, labels on all, and a
 * chain of subtasks four levels deep in which each child's id sorts BEFORE its parent's: a restore
 * reads rows in id order, so it meets every child before its parent.
 */
async function seedOrganisation(client: Parameters<Parameters<typeof withClient>[1]>[0], userId: string) {
  await client.query(
    `INSERT INTO projects (user_id, name, color, position, archived_at)
     VALUES ($1, 'Home 🏡 "quoted"', 'green', 'a0', NULL), ($1, 'Old\\stuff', 'grey', 'Zz', clock_timestamp())`,
    [userId],
  );
  await client.query(
    `INSERT INTO labels (user_id, name, color) VALUES ($1, 'Errand', 'red'), ($1, 'ünïcode ✓', 'blue')`,
    [userId],
  );
  await client.query(
    `UPDATE tasks t SET project_id = p.id, position = 'a' || (random() * 1000)::int
     FROM (SELECT id FROM projects WHERE user_id = $1 AND archived_at IS NULL) p
     WHERE t.user_id = $1 AND t.created_at < clock_timestamp() - interval '26 hours'`,
    [userId],
  );
  await client.query(
    `INSERT INTO task_labels (task_id, label_id, user_id)
     SELECT t.id, l.id, $1 FROM tasks t CROSS JOIN labels l
     WHERE t.user_id = $1 AND l.user_id = $1 AND (t.created_at < clock_timestamp() - interval '30 hours' OR l.name = 'Errand')`,
    [userId],
  );
  // The five tasks with the greatest ids: each of the four lower ones becomes the child of the next higher.
  await client.query(
    `WITH chain AS (
       SELECT id, lead(id) OVER (ORDER BY id) AS parent
       FROM (SELECT id FROM tasks WHERE user_id = $1 ORDER BY id DESC LIMIT 5) top
     )
     UPDATE tasks t SET parent_id = chain.parent FROM chain WHERE t.id = chain.id AND chain.parent IS NOT NULL`,
    [userId],
  );
}

/**
 * Repeat rules (both kinds), occurrence numbers and reminders (both kinds) on two thirds of the dated
 * tasks, and a spawned occurrence whose id sorts BEFORE the occurrence it came from, as the subtask chain
 * does for parents.
 */
async function seedRecurrence(client: Parameters<Parameters<typeof withClient>[1]>[0], userId: string) {
  await client.query(
    `WITH dated AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tasks WHERE user_id = $1 AND due_date IS NOT NULL)
     UPDATE tasks t SET
       recurrence_rule = CASE WHEN n % 2 = 0 THEN 'FREQ=DAILY;INTERVAL=3' ELSE 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=12' END,
       recurrence_from = CASE WHEN n % 2 = 0 THEN 'due' ELSE 'completion' END,
       occurrence = n,
       reminders = jsonb_build_array(jsonb_build_object('minutesBefore', n * 10),
                                     jsonb_build_object('at', '2027-03-28T01:30:00.123Z'))
     FROM dated WHERE t.id = dated.id AND dated.n % 3 <> 0`,
    [userId],
  );
  await client.query(
    `WITH ends AS (SELECT min(id::text)::uuid AS low, max(id::text)::uuid AS high FROM tasks WHERE user_id = $1)
     UPDATE tasks SET previous_occurrence_id = ends.high FROM ends WHERE tasks.id = ends.low`,
    [userId],
  );
}
