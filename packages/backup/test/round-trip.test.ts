import { readFile } from 'node:fs/promises';
import { databaseEnvSchema, databaseSettings, migrationsList, openOrm, withClient } from '@taskapp/db';
import { createDatabase, dropDatabase } from '@taskapp/db/queries';
import { createTestDatabase, type TestDatabase } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sidecarPath } from '../src/format.js';
import { createBackup, listBackups, restoreBackup, verifyBackup } from '../src/index.js';
import { seedAwkwardData, tableFingerprints, tempDir, testKeys } from './helpers.js';

let source: TestDatabase;
let dir: string;
beforeAll(async () => {
  source = await createTestDatabase();
  dir = await tempDir();
  await seedAwkwardData(source.url);
});
afterAll(() => source.drop());

/** Every table of the latest schema, in the order a backup writes them (each after those it references). */
const EXPECTED_TABLES = [
  ['rate_limits', 3],
  ['users', 3],
  ['deleted_tasks', 0],
  ['labels', 6],
  ['mfa_tickets', 3],
  ['passkeys', 3],
  ['projects', 6],
  ['push_subscriptions', 3],
  ['recovery_codes', 6],
  ['sessions', 3],
  ['rotated_refresh_tokens', 3],
  ['tasks', 120],
  ['task_labels', 153],
  ['user_settings', 3],
  ['user_tokens', 3],
  ['user_totp', 3],
  ['webauthn_challenges', 3],
];

const passwordHashes = (url: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ email: string; hash: Buffer }>(
      'SELECT email, convert_to(password_hash, $1) AS hash FROM users ORDER BY email',
      ['UTF8'],
    );
    return rows.map((row) => `${row.email} ${row.hash.toString('hex')}`);
  });

describe('backup and restore round trip', () => {
  it('restores every row byte for byte after the data is wiped, and the password hashes still match', async () => {
    const { recipient, identity } = await testKeys();
    const before = await tableFingerprints(source.url);
    const hashesBefore = await passwordHashes(source.url);
    const remindersBefore = await pendingReminders(source.url);
    const shapeBefore = await schemaShape(source.url);
    expect(before.tasks).toMatch(/^120 /);

    const backup = await createBackup({ databaseUrl: source.url, dir, recipients: [recipient] });
    expect(backup.file).toMatch(/[/\\]taskapp-\d{8}T\d{6}Z\.backup\.age$/);
    expect(backup.manifest.tables.map((table) => [table.name, table.rows])).toEqual(EXPECTED_TABLES);
    expect(backup.manifest.formatVersion).toBe(3);
    expect(backup.manifest.migration).toBe(migrationsList.at(-1)?.name);

    // Not empty: refused without --force, and nothing changes.
    await expect(
      restoreBackup({ file: backup.file, identities: [identity], targetUrl: source.url }),
    ).rejects.toThrow(/not empty.*--force/s);
    expect(await tableFingerprints(source.url)).toEqual(before);

    await withClient(source.url, (client) => client.query('TRUNCATE users, rate_limits CASCADE'));
    expect((await tableFingerprints(source.url)).tasks).toMatch(/^0 /);

    const restored = await restoreBackup({
      file: backup.file,
      identities: [identity],
      targetUrl: source.url,
    });
    expect(restored.migratedAfterLoad).toEqual([]);
    expect(await tableFingerprints(source.url)).toEqual(before);
    expect(await passwordHashes(source.url)).toEqual(hashesBefore);
    // Projects, labels, subtasks and order came back, subtasks included where the child's id sorts
    // before its parent's (the order the rows are loaded in).
    expect(await organisation(source.url)).toEqual({
      inProjects: 45,
      labelled: 153,
      childrenBeforeParents: 12,
    });
    // Repeat rules and reminders came back, and the spawned occurrences loaded before theirs.
    expect(await recurrence(source.url)).toEqual({ repeating: 42, reminded: 42, spawnsBeforeOrigin: 3 });
    // The reminder schedule (not backed up) was rebuilt by its triggers as the rows loaded.
    expect(await pendingReminders(source.url)).toEqual(remindersBefore);
    expect(remindersBefore.length).toBeGreaterThan(40);
    // Indexes, keys and foreign keys dropped for the load are back, and no trigger was left switched off.
    expect(await schemaShape(source.url)).toEqual(shapeBefore);
  });

  it('replaces the data of a non-empty target with --force', async () => {
    const { recipient, identity } = await testKeys();
    const target = await createTestDatabase();
    try {
      await seedAwkwardData(target.url, 1);
      const backup = await createBackup({
        databaseUrl: source.url,
        dir: await tempDir(),
        recipients: [recipient],
      });
      await restoreBackup({ file: backup.file, identities: [identity], targetUrl: target.url, force: true });
      expect(await tableFingerprints(target.url)).toEqual(await tableFingerprints(source.url));
    } finally {
      await target.drop();
    }
  });

  it('verify restores into a scratch database, drops it, and records the verdict for the list', async () => {
    const { recipient, identity } = await testKeys();
    const verifyDir = await tempDir();
    const backup = await createBackup({ databaseUrl: source.url, dir: verifyDir, recipients: [recipient] });
    const result = await verifyBackup({ file: backup.file, identities: [identity], serverUrl: source.url });
    expect(result.message).toMatch(/^OK taskapp-.*: 17 tables, 324 rows restored and match the manifest/);
    expect(result.ok).toBe(true);
    // Its own scratch database, by name: other test processes may be creating databases on this server.
    expect(result.scratchDatabase).toMatch(/^taskapp_verify_[0-9a-f]{12}$/);
    expect(await databaseNames()).not.toContain(result.scratchDatabase);

    const [listed] = await listBackups(verifyDir);
    expect(listed?.name).toBe(backup.file.split(/[/\\]/).at(-1));
    expect(listed?.bytes).toBe(backup.bytes);
    expect(listed?.verification?.ok).toBe(true);
    expect(listed?.sidecar?.tables).toEqual(backup.manifest.tables);
    // The plaintext sidecar holds counts and checksums, never user data.
    expect(await readFile(sidecarPath(backup.file), 'utf8')).not.toMatch(/Zoë|example\.com|argon2/);
  });

  it('restores a backup taken at an older migration, then migrates it to the latest', async () => {
    const { recipient, identity } = await testKeys();
    const old = await createEmptyDatabase();
    const target = await createEmptyDatabase();
    try {
      const orm = await openOrm({ ...databaseSettings(databaseEnvSchema.parse({}), old.url), poolMax: 2 });
      try {
        await orm.migrator.up({ to: migrationsList[1]?.name });
      } finally {
        await orm.close();
      }
      await seedAwkwardData(old.url, 2);
      const backup = await createBackup({
        databaseUrl: old.url,
        dir: await tempDir(),
        recipients: [recipient],
      });
      expect(backup.manifest.migration).toBe(migrationsList[1]?.name);

      const restored = await restoreBackup({
        file: backup.file,
        identities: [identity],
        targetUrl: target.url,
      });
      expect(restored.migratedAfterLoad).toEqual(migrationsList.slice(2).map((entry) => entry.name));
      // tasks.all_day, project_id, parent_id, position and the recurrence columns came with later migrations.
      const [fromOld, fromTarget] = [
        await tableFingerprints(old.url),
        await tableFingerprints(target.url, [
          'all_day',
          'project_id',
          'parent_id',
          'position',
          'recurrence_rule',
          'recurrence_from',
          'occurrence',
          'previous_occurrence_id',
          'reminders',
        ]),
      ];
      expect(fromTarget.tasks).toBe(fromOld.tasks);
      expect(fromTarget.mikro_orm_migrations).toMatch(new RegExp(`^${migrationsList.length} `));
      expect(await organisation(target.url)).toEqual({
        inProjects: 0,
        labelled: 0,
        childrenBeforeParents: 0,
      });
      expect(await manualOrderIsNewestFirst(target.url)).toBe(true);
    } finally {
      await old.drop();
      await target.drop();
    }
  });
});

describe('subtasks', () => {
  it('restores subtasks whose parent comes thousands of rows later, and keeps the parent foreign key', async () => {
    const { recipient, identity } = await testKeys();
    const many = await createTestDatabase();
    const target = await createTestDatabase();
    try {
      await seedAwkwardData(many.url, 1);
      // Rows are inserted a thousand at a time and a foreign key is checked at the end of each insert:
      // put the smallest id's parent (and grandparent) at the other end of 2,500 tasks.
      await withClient(many.url, async (client) => {
        await client.query(
          `INSERT INTO tasks (user_id, title) SELECT id, 'bulk ' || g FROM users, generate_series(1, 2500) g`,
        );
        await client.query(
          `WITH ends AS (SELECT min(id::text)::uuid AS low, max(id::text)::uuid AS high FROM tasks),
                middle AS (SELECT id FROM tasks ORDER BY id OFFSET 1500 LIMIT 1)
           UPDATE tasks SET parent_id = CASE WHEN tasks.id = ends.low THEN middle.id ELSE ends.high END
           FROM ends, middle WHERE tasks.id IN (ends.low, middle.id)`,
        );
      });
      const before = await tableFingerprints(many.url);
      const backup = await createBackup({
        databaseUrl: many.url,
        dir: await tempDir(),
        recipients: [recipient],
      });
      await restoreBackup({ file: backup.file, identities: [identity], targetUrl: target.url });
      expect(await tableFingerprints(target.url)).toEqual(before);
      const parents = await withClient(target.url, (client) =>
        client.query<{ n: number }>('SELECT count(*)::int AS n FROM tasks WHERE parent_id IS NOT NULL'),
      );
      // The two above and the seed's chain of four.
      expect(parents.rows[0]?.n).toBe(6);
      // The foreign key is back: a subtask without its parent is refused.
      await expect(
        withClient(target.url, (client) =>
          client.query('UPDATE tasks SET parent_id = gen_random_uuid() WHERE parent_id IS NOT NULL'),
        ),
      ).rejects.toThrow(/tasks_parent_id_fkey/);
    } finally {
      await many.drop();
      await target.drop();
    }
  });

  it('fails, leaving the target as it was, when a subtask points at a parent the file does not hold', async () => {
    const { recipient, identity } = await testKeys();
    const broken = await createTestDatabase();
    const target = await createTestDatabase();
    try {
      await seedAwkwardData(broken.url, 1);
      await seedAwkwardData(target.url, 1);
      // Only a damaged database can hold such a row: take the constraint away to make one.
      await withClient(broken.url, (client) =>
        client.query(
          `ALTER TABLE tasks DROP CONSTRAINT tasks_parent_id_fkey;
           UPDATE tasks SET parent_id = gen_random_uuid() WHERE id = (SELECT min(id::text)::uuid FROM tasks)`,
        ),
      );
      const backup = await createBackup({
        databaseUrl: broken.url,
        dir: await tempDir(),
        recipients: [recipient],
      });
      const before = await tableFingerprints(target.url);
      await expect(
        restoreBackup({ file: backup.file, identities: [identity], targetUrl: target.url, force: true }),
      ).rejects.toThrow(/tasks_parent_id_fkey/);
      expect(await tableFingerprints(target.url)).toEqual(before);
    } finally {
      await broken.drop();
      await target.drop();
    }
  });
});

describe('a backup from a newer version of the app', () => {
  it('is refused with a clear message before anything changes', async () => {
    const { recipient, identity } = await testKeys();
    const newer = await createTestDatabase();
    const target = await createTestDatabase();
    try {
      await withClient(newer.url, (client) =>
        client.query(`INSERT INTO mikro_orm_migrations (name) VALUES ('Migration29991231000000_future')`),
      );
      const backup = await createBackup({
        databaseUrl: newer.url,
        dir: await tempDir(),
        recipients: [recipient],
      });
      const before = await tableFingerprints(target.url);
      await expect(
        restoreBackup({ file: backup.file, identities: [identity], targetUrl: target.url }),
      ).rejects.toThrow(
        /taken at migration Migration29991231000000_future, which this version of the app does not have/,
      );
      expect(await tableFingerprints(target.url)).toEqual(before);
    } finally {
      await newer.drop();
      await target.drop();
    }
  });
});

/** Rows of the seeded organisation, counted in SQL independently of the backup code. */
function organisation(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM tasks WHERE project_id IS NOT NULL) AS "inProjects",
              (SELECT count(*)::int FROM task_labels) AS labelled,
              (SELECT count(*)::int FROM tasks c JOIN tasks p ON p.id = c.parent_id WHERE c.id < p.id)
                AS "childrenBeforeParents"`,
    );
    return rows[0];
  });
}

function recurrence(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM tasks WHERE recurrence_rule IS NOT NULL) AS repeating,
              (SELECT count(*)::int FROM tasks WHERE jsonb_array_length(reminders) = 2) AS reminded,
              (SELECT count(*)::int FROM tasks s JOIN tasks p ON p.id = s.previous_occurrence_id WHERE s.id < p.id)
                AS "spawnsBeforeOrigin"`,
    );
    return rows[0];
  });
}

/** The pending reminder jobs, by task and reminder (their ids are new after a restore). */
function pendingReminders(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ job: string }>(
      `SELECT task_id || ' ' || reminder_index || ' ' || extract(epoch FROM fire_at) AS job
       FROM reminder_jobs WHERE status = 'pending' ORDER BY 1`,
    );
    return rows.map((row) => row.job);
  });
}

/** Every index, constraint and trigger of the schema as the catalog prints it, with whether the trigger is on. */
function schemaShape(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ item: string }>(
      `SELECT indexdef AS item FROM pg_indexes WHERE schemaname = current_schema()
       UNION ALL
       SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
       WHERE connamespace = current_schema()::regnamespace
       UNION ALL
       SELECT tgrelid::regclass || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
       ORDER BY 1`,
    );
    return rows.map((row) => row.item);
  });
}

/** Whether each person's manual order (position, byte order) is their tasks newest first, as the migration numbers them. */
function manualOrderIsNewestFirst(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ same: boolean }>(
      `SELECT bool_and(by_position = by_age) AS same FROM (
         SELECT row_number() OVER (PARTITION BY user_id ORDER BY position COLLATE "C") AS by_position,
                row_number() OVER (PARTITION BY user_id ORDER BY created_at DESC, id DESC) AS by_age
         FROM tasks) ranked`,
    );
    return rows[0]?.same;
  });
}

async function databaseNames(): Promise<string[]> {
  return withClient(source.url, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database ORDER BY 1');
    return rows.map((row) => row.datname);
  });
}

/** A database with no tables at all (not cloned from the migrated template). */
async function createEmptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${source.name}_e${Math.random().toString(36).slice(2, 8)}`;
  const url = await createDatabase(source.url, name);
  return { url, drop: () => dropDatabase(source.url, name) };
}
