import type { Client } from '@taskapp/db';
import {
  analyzeTables,
  buildStructure,
  deferredStructures,
  dropStructure,
  type InsertTrigger,
  insertTriggers,
  ownersOverTaskLimit,
  setTriggerEnabled,
} from '@taskapp/db/queries';
import type { LiveTable } from './tables.js';

/**
 * Triggers switched off while a restore loads rows, and why that loses nothing. Every other trigger (the
 * reminder schedule's, which rebuilds reminder_jobs from the tasks and settings loaded) fires as usual,
 * once per COPY statement.
 */
const OFF_DURING_LOAD: { matches: (trigger: InsertTrigger) => boolean; why: string }[] = [
  {
    matches: (trigger) => trigger.function.startsWith('changes_log_'),
    why: "live sync's change log: the restore empties it afterwards (restartChangeLog)",
  },
  {
    matches: (trigger) => trigger.function === 'tasks_enforce_limit',
    why: 'the task limit: it counts per owner through an index built after the load; checked once then',
  },
];

/**
 * Runs `load` with the loaded tables' indexes, keys and foreign keys dropped, then builds them again, as
 * pg_restore does: one build from all the rows is much faster than maintaining them row by row, and
 * adding a foreign key back checks every row at once (a subtask can come before its parent: rows come
 * in primary-key order). Any failure, a row that breaks a key included, fails the restore's transaction.
 * `keepKeys` keeps primary and unique keys through the load: formats 1 and 2 load in batches of 1,000
 * rows, and the reminder schedule's trigger looks each batch's tasks up by id.
 */
export async function withStructuresBuiltAfterLoad<T>(
  client: Client,
  tables: LiveTable[],
  load: () => Promise<T>,
  { keepKeys }: { keepKeys: boolean },
): Promise<T> {
  const names = tables.map((table) => table.name);
  const structures = (await deferredStructures(client, names)).filter(
    (structure) => !(keepKeys && structure.kind === 'key'),
  );
  const triggers = (await insertTriggers(client, names)).filter((trigger) =>
    OFF_DURING_LOAD.some((rule) => rule.matches(trigger)),
  );
  for (const structure of [...structures].reverse()) await dropStructure(client, structure);
  for (const trigger of triggers) await setTriggerEnabled(client, trigger, false);

  const result = await load();

  // Before the indexes: one pass over the table counts every owner's tasks at once.
  if (triggers.some((trigger) => trigger.function === 'tasks_enforce_limit')) {
    const over = await ownersOverTaskLimit(client);
    if (over.length > 0) {
      throw new Error(`task limit reached: the backup holds too many tasks of ${over.join(', ')}`);
    }
  }
  for (const structure of structures) await buildStructure(client, structure);
  for (const trigger of triggers) await setTriggerEnabled(client, trigger, true);
  // The planner knows nothing of the new rows yet: without statistics the checks that follow (and the
  // app, until autovacuum runs) could pick slow plans.
  await analyzeTables(client, names);
  return result;
}
