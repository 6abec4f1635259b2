import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { Section } from '../../components/section';
import type { AccountSession } from '../../lib/api-types';
import { toast } from '../../lib/toast';
import { useTRPC } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';
import { SessionRow } from './session-row';

// This device first, then the most recently used.
function byRelevance(a: AccountSession, b: AccountSession): number {
  if (a.current !== b.current) return a.current ? -1 : 1;
  return b.lastUsedAt.getTime() - a.lastUsedAt.getTime();
}

function SessionsSkeleton() {
  return (
    <div aria-busy="true">
      <span role="status" className="sr-only">
        Loading your sessions
      </span>
      {[0, 1].map((row) => (
        <div key={row} aria-hidden="true" className="flex items-center gap-3 py-2">
          <span className="size-8 rounded-md bg-subtle motion-safe:animate-pulse" />
          <span className="flex flex-1 flex-col gap-1.5">
            <span className="h-4 w-40 rounded-sm bg-subtle motion-safe:animate-pulse" />
            <span className="h-3.5 w-56 max-w-full rounded-sm bg-subtle motion-safe:animate-pulse" />
          </span>
        </div>
      ))}
    </div>
  );
}

export function SessionsSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.account.sessions.queryOptions());
  const others = sessions.data?.filter((session) => !session.current).length ?? 0;
  const revokeOthers = useMutation(
    trpc.account.revokeOtherSessions.mutationOptions({
      onSuccess: ({ count }) => {
        toast.success(count === 1 ? 'Signed out 1 other session' : `Signed out ${count} other sessions`);
        return queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
      },
      onError: (error) =>
        toast.error('Couldn’t sign out the other sessions', { description: errorMessage(error) }),
    }),
  );

  return (
    <Section
      title="Sessions"
      description="Where you’re signed in. Sign out of any you don’t recognise."
      actions={
        <Button
          size="sm"
          disabled={others === 0}
          pending={revokeOthers.isPending}
          onClick={() => revokeOthers.mutate()}
        >
          Sign out other sessions
        </Button>
      }
    >
      {sessions.isPending ? (
        <SessionsSkeleton />
      ) : sessions.isError ? (
        <FormAlert>
          Couldn’t load your sessions. {errorMessage(sessions.error)}{' '}
          <button
            type="button"
            className="font-medium text-accent-text underline underline-offset-2"
            onClick={() => void sessions.refetch()}
          >
            Try again
          </button>
        </FormAlert>
      ) : (
        <>
          <ul className="divide-y divide-line" aria-label="Signed-in sessions">
            {[...sessions.data].sort(byRelevance).map((session) => (
              <SessionRow key={session.id} session={session} />
            ))}
          </ul>
          {others === 0 ? (
            <p className="mt-3 border-line border-t pt-3 text-muted text-sm">
              No other sessions. When you sign in on another device or browser, it shows up here.
            </p>
          ) : null}
        </>
      )}
    </Section>
  );
}
