/**
 * The writes that go through the outbox (issue 16): kept in IndexedDB until the server has them, sent in
 * the order they were made, so they survive going offline, a reload and a closed browser. Anything else
 * (signing in, settings, push devices) needs the network there and then.
 */
export const OUTBOX_PATHS: ReadonlySet<string> = new Set([
  'task.create',
  'task.update',
  'task.delete',
  'task.restore',
  'task.move',
  'task.skipOccurrence',
  'task.bulkUpdate',
  'task.bulkDelete',
  'project.create',
  'project.update',
  'project.delete',
  'label.create',
  'label.update',
  'label.delete',
]);

/**
 * What a caller may hand the outbox with a write, as the tRPC call's `context.outbox`:
 * - `title`: what the change is about, for the list of waiting changes ("Buy milk")
 * - `base`: the task an edit was made on, to merge it field by field when the task changed meanwhile
 * - `predicted`: the answer the server will give; offline the call settles with it at once, so the screen
 *   goes on (the edit panel's next save builds on it) while the write itself waits
 * - `ownsConflicts`: the edit panel, while open, merges a refused edit itself, next to the fields
 */
export interface OutboxContext {
  title?: string;
  base?: unknown;
  predicted?: unknown;
  ownsConflicts?: () => boolean;
}

/** Set on the outbox's own deliveries, which go straight to the server. */
export const DELIVERY_CONTEXT = { outboxDelivery: true } as const;

/** The options of a tRPC call that hand the outbox what it should know about the write. */
export function viaOutbox(context: OutboxContext): { context: { outbox: OutboxContext } } {
  return { context: { outbox: context } };
}
