import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Monitor, Smartphone } from 'lucide-react';
import { useId } from 'react';
import { Button } from '../../components/button';
import type { AccountSession } from '../../lib/api-types';
import { toast } from '../../lib/toast';
import { useTRPC } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';
import { describeUserAgent } from './describe-user-agent';
import { TimeLabel } from './time-label';

export function SessionRow({ session }: { session: AccountSession }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const device = describeUserAgent(session.userAgent);
  const Icon = device.mobile ? Smartphone : Monitor;
  const revoke = useMutation(
    trpc.account.revokeSession.mutationOptions({
      onSuccess: () => {
        toast.success('Session signed out', { description: `${device.label} has to sign in again.` });
        return queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
      },
      onError: (error) => toast.error('Couldn’t sign that session out', { description: errorMessage(error) }),
    }),
  );

  return (
    <li className="flex items-start gap-3 py-3 first:pt-0 last:pb-0" data-testid="session-row">
      <div className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-md bg-subtle text-muted">
        <Icon aria-hidden="true" className="size-4" />
      </div>
      <div className="min-w-0 flex-1">
        <p id={`${id}-name`} className="flex flex-wrap items-center gap-2 font-medium">
          {device.label}
          {session.current ? (
            <span className="rounded-sm bg-accent-soft px-1.5 py-0.5 font-medium text-accent-text text-xs">
              This device
            </span>
          ) : null}
        </p>
        <p id={`${id}-details`} className="text-muted text-sm">
          {session.current ? (
            'Active now'
          ) : (
            <>
              Last active <TimeLabel date={session.lastUsedAt} relative />
            </>
          )}
          <span aria-hidden="true" className="max-sm:hidden">
            {' · '}
          </span>
          <span className="max-sm:block">
            Signed in <TimeLabel date={session.createdAt} />
          </span>
        </p>
      </div>
      {session.current ? null : (
        <Button
          size="sm"
          variant="secondary"
          aria-describedby={`${id}-name ${id}-details`}
          pending={revoke.isPending}
          onClick={() => revoke.mutate({ id: session.id })}
        >
          Sign out
        </Button>
      )}
    </li>
  );
}
