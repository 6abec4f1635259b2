import { useMutation } from '@tanstack/react-query';
import { getAuthState } from '../../lib/auth-store';
import { trpcClient } from '../../lib/clients';
import { signOut } from '../../lib/session';
import { toast } from '../../lib/toast';
import { errorMessage } from '../../lib/trpc-errors';

/** Push on this device belongs to the person signing out; loaded only when someone signs out. */
async function forgetDevicePush(): Promise<void> {
  const state = getAuthState();
  if (state.status !== 'signed-in') return;
  const { forgetDevicePushOnSignOut } = await import('../../lib/push/device-push');
  await forgetDevicePushOnSignOut(state.user.id, (input) => trpcClient.push.unsubscribe.mutate(input));
}

export function useSignOut() {
  return useMutation({
    mutationFn: async () => {
      await forgetDevicePush().catch(() => undefined);
      await signOut();
    },
    onSuccess: () => toast('Signed out', { description: 'You’re signed out in every tab of this browser.' }),
    // Still signed in: the cookie is only cleared once the server has ended the session.
    onError: (error) => toast.error('Couldn’t sign out', { description: errorMessage(error) }),
  });
}
