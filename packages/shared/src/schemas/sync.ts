import { z } from 'zod';
import { LIMITS, SYNC_ENTITIES, SYNC_OPS } from '../constants.js';

/** An opaque position in the caller's change log; only a cursor the server gave out parses. */
export const syncCursorSchema = z
  .string()
  .max(64)
  .regex(/^\d{1,20}-\d{1,20}$/, 'Not a sync cursor: pass back a cursor or event id this server gave you');

/** One change of the caller's data: read the entity again (upsert) or forget it (delete). */
export const syncChangeSchema = z.strictObject({
  entity: z.enum(SYNC_ENTITIES),
  op: z.enum(SYNC_OPS),
  id: z.string(),
  at: z.date(),
});
export type SyncChange = z.infer<typeof syncChangeSchema>;

/** `sync.events`: from after `lastEventId` (what the stream sent last), else from now on. */
export const syncEventsInput = z.strictObject({ lastEventId: syncCursorSchema.optional() }).optional();
export type SyncEventsInput = z.infer<typeof syncEventsInput>;

/** `sync.changes`: from after `after`, else from the oldest change kept. */
export const syncChangesInput = z
  .strictObject({
    after: syncCursorSchema.optional(),
    limit: z.number().int().min(1).max(LIMITS.syncChangesMax).optional(),
  })
  .optional();
export type SyncChangesInput = z.infer<typeof syncChangesInput>;

/**
 * `resync: true`: the cursor is older than the change log keeps (or from another database), so changes
 * may be missing: read everything again, then go on from `cursor`.
 */
export interface SyncChangesPage {
  changes: SyncChange[];
  cursor: string;
  hasMore: boolean;
  resync?: true;
}
