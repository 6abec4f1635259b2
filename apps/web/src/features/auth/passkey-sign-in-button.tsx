import { useMutation } from '@tanstack/react-query';
import { KeyRound } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/button';
import { adoptSignIn } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { errorMessage } from '../../lib/trpc-errors';

/** The browser's own words when the person closed its passkey prompt; nothing to report then. */
export function cancelledByPerson(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}

/**
 * Signs in with a passkey alone (a discoverable credential names the person), or, given a ticket, finishes
 * a sign-in whose password was right. Problems go to `onError`; a closed prompt is not one.
 */
export function PasskeySignInButton({
  mfaTicket,
  label = 'Sign in with a passkey',
  onError,
}: {
  mfaTicket?: string;
  label?: string;
  onError: (message: string | null) => void;
}) {
  const trpc = useTRPC();
  const options = useMutation(trpc.auth.passkeyOptions.mutationOptions());
  const login = useMutation(trpc.auth.passkeyLogin.mutationOptions());
  const [pending, setPending] = useState(false);

  const signIn = async () => {
    if (pending) return;
    onError(null);
    setPending(true);
    try {
      // Loaded on demand, so the WebAuthn helpers stay out of the first page's JavaScript.
      const { startAuthentication } = await import('@simplewebauthn/browser');
      const optionsJSON = await options.mutateAsync(mfaTicket ? { mfaTicket } : {});
      const response = await startAuthentication({ optionsJSON });
      adoptSignIn(await login.mutateAsync(mfaTicket ? { response, mfaTicket } : { response }));
    } catch (error) {
      if (cancelledByPerson(error)) return;
      onError(
        error instanceof Error && error.name !== 'TRPCClientError'
          ? 'Your device couldn’t use a passkey here. Try again, or sign in another way.'
          : errorMessage(error),
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <Button className="w-full" pending={pending} onClick={() => void signIn()}>
      {pending ? null : <KeyRound aria-hidden="true" className="size-4" />}
      {pending ? 'Waiting for your passkey…' : label}
    </Button>
  );
}
