import { useMutation } from '@tanstack/react-query';
import { toast } from 'sonner';
import { signOut } from '../../lib/session';
import { errorMessage } from '../../lib/trpc-errors';

export function useSignOut() {
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => toast('Signed out', { description: 'You’re signed out in every tab of this browser.' }),
    // Still signed in: the cookie is only cleared once the server has ended the session.
    onError: (error) => toast.error('Couldn’t sign out', { description: errorMessage(error) }),
  });
}
