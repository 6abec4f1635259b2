import type { QueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import type { Task } from '../../api-types';
import type { AuthState, getAuthState, subscribeAuth } from '../../auth-store';
import { isBrowserOffline } from '../../platform';
import { toast } from '../../toast';
import { deliver, type Outcome, type Server } from './deliver';
import { type OutboxMessage, openOutboxChannel, type SharedOutcome, shareOutcome } from './outbox-channel';
import { nextKey, type OutboxEntry } from './outbox-entry';
import type { OutboxContext } from './outbox-paths';
import { clearOutboxStatus, getOutboxStatus, openOutboxView, setOutboxStatus } from './outbox-status';
import { changeEntry, entriesOf, forgetEntriesOf, readEntry, removeEntry, saveEntry } from './outbox-store';

export interface OutboxDeps {
  server: Server;
  queryClient: QueryClient;
  // Handed in: importing the auth store here would split it out of the first page's bundle.
  auth: { current: typeof getAuthState; subscribe: typeof subscribeAuth };
}

/** Pauses before trying again when the network or the server was not there; the last one repeats. */
const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000];
/** The tab that made a write gets this long to take a refusal (and tell the person) before the outbox does. */
const CLAIM_MS = 1_000;

interface Waiter {
  resolve(data: unknown): void;
  reject(error: unknown): void;
  context: OutboxContext;
}

/** The calls in this tab waiting for their write, by entry key. */
const waiters = new Map<string, Waiter>();
let configure: (deps: OutboxDeps) => void = () => {};
const configured = new Promise<OutboxDeps>((resolve) => {
  configure = resolve;
});
let session: { userId: string; changed(): void } | null = null;

/**
 * Offline, or when the session ends with writes still to send (they are kept for the person's next
 * session), a call that knows the server's answer settles with it now; its write keeps waiting. Quick add
 * then clears its text, which would otherwise come back after signing in beside the task the outbox sends.
 */
function settleWithPredictions(): void {
  for (const [key, waiter] of waiters) {
    if (waiter.context.predicted === undefined) continue;
    waiters.delete(key);
    waiter.resolve(waiter.context.predicted);
  }
}

function asClientError(error: unknown): unknown {
  if (error instanceof Error) return error;
  const { message, data } = error as { message: string; data: unknown };
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

/**
 * Tells the call that made a write how it went, when that call is in this tab. A refusal, and a conflict
 * the edit panel merges itself, are the caller's to show: the entry then leaves the outbox.
 */
function offer(key: string, outcome: SharedOutcome | Exclude<Outcome, { kind: 'later' }>): boolean {
  const waiter = waiters.get(key);
  if (!waiter) return false;
  waiters.delete(key);
  if (outcome.kind === 'delivered') {
    waiter.resolve(outcome.data);
    return true;
  }
  const theirs =
    outcome.kind === 'conflict' ? ('theirs' in outcome ? outcome.theirs : outcome.data) : undefined;
  if (outcome.kind === 'conflict' && !waiter.context.ownsConflicts?.()) {
    // The mergeable part is saved; the rest waits in the outbox for the person's choice.
    waiter.resolve(theirs);
    return false;
  }
  waiter.reject(asClientError(outcome.error));
  void removeEntry(key).then(() => session?.changed());
  return true;
}

/** Queues one write (the outbox link calls this) and settles with the server's answer. */
export async function enqueue(path: string, input: unknown, context: OutboxContext): Promise<unknown> {
  await configured;
  const current = session;
  if (!current) throw new Error('Sign in again to save changes.');
  const entry: OutboxEntry = {
    key: nextKey(current.userId),
    userId: current.userId,
    path,
    input,
    title: context.title,
    base: context.base as Task | undefined,
    queuedAt: new Date(),
    state: 'waiting',
  };
  await saveEntry(entry);
  const settled = new Promise<unknown>((resolve, reject) => {
    waiters.set(entry.key, { resolve, reject, context });
  });
  if (isBrowserOffline() || getOutboxStatus().blocked === 'network') settleWithPredictions();
  current.changed();
  return settled;
}

/** Drops a waiting, refused or conflicting write; the screens then show the server's version again. */
export async function discardEntry(key: string): Promise<void> {
  const deps = await configured;
  await removeEntry(key);
  session?.changed();
  await deps.queryClient.invalidateQueries();
}

/** Resolves a conflict with the person's own values: sent again on top of the task as it is now. */
export async function keepMine(key: string, patch: Record<string, unknown>): Promise<void> {
  await changeEntry(key, (entry) => {
    const theirs = entry.conflict?.theirs;
    if (!theirs) return entry;
    return {
      ...entry,
      state: 'waiting',
      base: theirs,
      input: { id: theirs.id, expectedUpdatedAt: theirs.updatedAt, ...patch },
      conflict: undefined,
    };
  });
  session?.changed();
}

function startSession(userId: string, deps: OutboxDeps): { changed(): void; stop(): void } {
  const stopped = new AbortController();
  const channel = openOutboxChannel();
  let leading = false;
  let draining = false;
  let again = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  // A drain still finishing when the session stops must not post on the closed channel.
  const post = (message: OutboxMessage) => {
    if (!stopped.signal.aborted) channel.post(message);
  };

  const refresh = async () => {
    const entries = await entriesOf(userId).catch(() => []);
    if (!stopped.signal.aborted) setOutboxStatus({ entries });
  };
  const kick = () => {
    if (leading && !stopped.signal.aborted) void drain();
  };
  const changed = () => {
    void refresh();
    post({ type: 'changed', userId });
    kick();
  };

  const retryLater = (why: 'network' | 'sign-in' | 'server') => {
    setOutboxStatus({ blocked: why });
    if (why === 'network') settleWithPredictions();
    const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)];
    failures += 1;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(kick, delay);
  };

  /** A refusal or conflict nobody took: say so, with the way to the list of waiting changes. */
  const tellLater = (key: string, outcome: Outcome) => {
    setTimeout(async () => {
      const entry = await readEntry(key).catch(() => undefined);
      if (!entry || entry.state === 'waiting' || stopped.signal.aborted) return;
      const review = { label: 'Review', onClick: openOutboxView };
      if (outcome.kind === 'conflict')
        toast.warning('A change needs your choice', {
          description: `“${entry.title ?? 'A task'}” was also changed on another device.`,
          action: review,
        });
      else if (outcome.kind === 'refused')
        toast.error('A change couldn’t be saved', { description: outcome.problem, action: review });
    }, CLAIM_MS);
  };

  const settle = async (entry: OutboxEntry, outcome: Exclude<Outcome, { kind: 'later' }>) => {
    if (outcome.kind === 'delivered') await removeEntry(entry.key);
    else if (outcome.kind === 'refused')
      await changeEntry(entry.key, (stored) => ({ ...stored, state: 'failed', problem: outcome.problem }));
    else
      await changeEntry(entry.key, (stored) => ({
        ...stored,
        state: 'conflict',
        conflict: { fields: outcome.fields, theirs: outcome.theirs },
      }));
    const waited = waiters.has(entry.key);
    offer(entry.key, outcome);
    post({ type: 'settled', userId, key: entry.key, outcome: shareOutcome(outcome) });
    if (outcome.kind !== 'delivered') tellLater(entry.key, outcome);
    return waited;
  };

  /** Sends the waiting writes one by one, oldest first, until none is left or one has to wait. */
  const drain = async () => {
    if (draining) {
      again = true;
      return;
    }
    draining = true;
    clearTimeout(retryTimer);
    let unwaited = false;
    try {
      do {
        again = false;
        for (const listed of await entriesOf(userId)) {
          // Another tab may have discarded it (or resolved its conflict) since the list was read.
          const entry = listed.state === 'waiting' ? await readEntry(listed.key) : undefined;
          if (stopped.signal.aborted) return;
          if (entry?.state !== 'waiting') continue;
          const panelMerges = waiters.get(entry.key)?.context.ownsConflicts?.() ?? false;
          const outcome = await deliver(entry, deps.server, { merge: !panelMerges });
          if (stopped.signal.aborted) return;
          if (outcome.kind === 'later') {
            retryLater(outcome.why);
            return;
          }
          failures = 0;
          setOutboxStatus({ blocked: null });
          if (!(await settle(entry, outcome))) unwaited = true;
        }
      } while (again);
      setOutboxStatus({ blocked: null });
    } finally {
      draining = false;
      void refresh();
      post({ type: 'changed', userId });
      // Sent after a reload (or for a closed panel): nobody here put the answers in the cache.
      if (unwaited) void deps.queryClient.invalidateQueries();
    }
  };

  const stopListening = channel.listen((message) => {
    if (message.userId !== userId) return;
    if (message.type === 'changed') {
      void refresh();
      kick();
    } else if (message.type === 'settled') {
      offer(message.key, message.outcome);
    }
  });
  const onOnline = () => {
    failures = 0;
    kick();
  };
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', settleWithPredictions);

  // One tab sends (the others' writes too, in order); when it closes, the next tab waiting takes over.
  if (typeof navigator !== 'undefined' && navigator.locks) {
    navigator.locks
      .request(`taskapp-outbox:${userId}`, { signal: stopped.signal }, () => {
        leading = true;
        kick();
        return new Promise<void>((release) =>
          stopped.signal.addEventListener('abort', () => release(), { once: true }),
        );
      })
      .catch(() => undefined);
  } else {
    leading = true;
    kick();
  }
  void refresh();

  return {
    changed,
    stop() {
      stopped.abort();
      clearTimeout(retryTimer);
      stopListening();
      channel.close();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', settleWithPredictions);
    },
  };
}

/** Signing out on purpose (or deleting the account) drops what was waiting; a session that ended keeps it. */
const WIPES: ReadonlySet<string | null> = new Set(['signed-out', 'account-deleted']);

/**
 * Runs the outbox for whoever is signed in (main.tsx starts it after the first page): their waiting writes
 * are sent as soon as the server can be reached, in every session until they are.
 */
export function startOutbox(deps: OutboxDeps): void {
  configure(deps);
  let current: { userId: string; stop(): void } | null = null;
  const follow = (state: AuthState) => {
    if (state.status === 'restoring') return;
    const userId = state.status === 'signed-in' ? state.user.id : null;
    if (userId === (current?.userId ?? null)) return;
    const leaving = current?.userId;
    const wiped = !!leaving && state.status === 'signed-out' && WIPES.has(state.reason);
    current?.stop();
    current = null;
    session = null;
    // Not when another person is already signed in: their screens must not take the last one's answers.
    if (leaving && state.status === 'signed-out' && !wiped) settleWithPredictions();
    waiters.clear();
    clearOutboxStatus();
    if (leaving && wiped) void forgetEntriesOf(leaving);
    if (!userId) return;
    const started = startSession(userId, deps);
    current = { userId, stop: started.stop };
    session = { userId, changed: started.changed };
  };
  deps.auth.subscribe(follow);
  follow(deps.auth.current());
}
