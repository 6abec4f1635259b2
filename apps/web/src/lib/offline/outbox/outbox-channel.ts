import type { Outcome } from './deliver';

/**
 * What the tabs of one browser tell each other about the outbox: only the leader tab sends, so the tab
 * that made a write hears here how it went, and every tab re-reads the list when it changes.
 */
export type OutboxMessage =
  | { type: 'changed'; userId: string }
  /** The leader sent (or gave up on) a write made in some tab; errors travel as their data. */
  | { type: 'settled'; userId: string; key: string; outcome: SharedOutcome };

/** An outcome as it crosses tabs: a tRPC error becomes its message and data. */
export type SharedOutcome =
  | { kind: 'delivered'; data: unknown }
  | { kind: 'refused' | 'conflict'; error: SharedError; data?: unknown };

export interface SharedError {
  message: string;
  data: unknown;
}

export function shareError(error: unknown): SharedError {
  const message = error instanceof Error ? error.message : String(error);
  const data = (error as { data?: unknown } | null)?.data;
  return { message, data: data === undefined ? null : data };
}

export function shareOutcome(outcome: Exclude<Outcome, { kind: 'later' }>): SharedOutcome {
  if (outcome.kind === 'delivered') return outcome;
  return {
    kind: outcome.kind,
    error: shareError(outcome.error),
    data: outcome.kind === 'conflict' ? outcome.theirs : undefined,
  };
}

export interface OutboxChannel {
  post(message: OutboxMessage): void;
  listen(handler: (message: OutboxMessage) => void): () => void;
  close(): void;
}

/** Without BroadcastChannel each tab sends its own writes (the Web Lock then still keeps them in order). */
export function openOutboxChannel(): OutboxChannel {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, listen: () => () => {}, close() {} };
  const channel = new BroadcastChannel('taskapp-outbox');
  return {
    post: (message) => channel.postMessage(message),
    listen(handler) {
      const listener = (event: MessageEvent<OutboxMessage>) => handler(event.data);
      channel.addEventListener('message', listener);
      return () => channel.removeEventListener('message', listener);
    },
    close: () => channel.close(),
  };
}
