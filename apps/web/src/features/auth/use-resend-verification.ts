import { useMutation } from '@tanstack/react-query';
import { toast } from '../../lib/toast';
import { useTRPC } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';

/** Sends a fresh confirmation link and says so (or why not) in a toast. */
export function useResendVerification(email: string) {
  const trpc = useTRPC();
  return useMutation(
    trpc.auth.requestEmailVerification.mutationOptions({
      onSuccess: () =>
        toast.success('Confirmation link sent', { description: `Check the inbox of ${email}.` }),
      onError: (error) => toast.error('Couldn’t send the link', { description: errorMessage(error) }),
    }),
  );
}
