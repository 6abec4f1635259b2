import { useMutation } from '@tanstack/react-query';
import type { MfaMethod } from '@taskapp/shared';
import { type FormEvent, useState } from 'react';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { TextField } from '../../components/text-field';
import { adoptSignIn } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { errorCode, errorMessage } from '../../lib/trpc-errors';
import { TEXT_LINK } from './auth-layout';
import { PasskeySignInButton } from './passkey-sign-in-button';

export interface MfaChallenge {
  mfaTicket: string;
  methods: MfaMethod[];
}

/**
 * Sign-in's second step when two-factor authentication is on: a code from the authenticator app, or one
 * of the recovery codes. The password step's ticket is single-use and short-lived; when it has expired the
 * person starts again (`onRestart`).
 */
export function SecondFactorForm({
  challenge,
  onRestart,
}: {
  challenge: MfaChallenge;
  onRestart: () => void;
}) {
  const trpc = useTRPC();
  const complete = useMutation(trpc.auth.completeMfa.mutationOptions());
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (complete.isPending) return;
    setError(null);
    try {
      const input = useRecovery
        ? { mfaTicket: challenge.mfaTicket, recoveryCode: value }
        : { mfaTicket: challenge.mfaTicket, code: value };
      adoptSignIn(await complete.mutateAsync(input));
    } catch (failure) {
      const message = errorMessage(failure);
      setError(message);
      if (errorCode(failure) === 'UNAUTHORIZED' && /expired/i.test(message)) setExpired(true);
      setValue('');
    }
  };

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      aria-label="Two-factor authentication"
    >
      <p className="text-muted">
        {useRecovery
          ? 'Enter one of the recovery codes you saved when you turned on two-factor authentication. Each works once.'
          : 'Enter the 6-digit code from your authenticator app.'}
      </p>
      <FormAlert>{error}</FormAlert>
      {expired ? (
        <Button variant="primary" onClick={onRestart}>
          Sign in again
        </Button>
      ) : (
        <>
          <TextField
            key={useRecovery ? 'recovery' : 'code'}
            label={useRecovery ? 'Recovery code' : 'Authentication code'}
            autoComplete="one-time-code"
            inputMode={useRecovery ? 'text' : 'numeric'}
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
          <Button type="submit" variant="primary" className="w-full" pending={complete.isPending}>
            {complete.isPending ? 'Checking…' : 'Verify'}
          </Button>
          {challenge.methods.includes('passkey') ? (
            <PasskeySignInButton
              mfaTicket={challenge.mfaTicket}
              label="Use a passkey instead"
              onError={setError}
            />
          ) : null}
          {challenge.methods.includes('recovery') || useRecovery ? (
            <button
              type="button"
              className={`${TEXT_LINK} self-center text-sm`}
              onClick={() => {
                setUseRecovery(!useRecovery);
                setValue('');
                setError(null);
              }}
            >
              {useRecovery ? 'Use the authenticator app instead' : 'Use a recovery code instead'}
            </button>
          ) : null}
        </>
      )}
    </form>
  );
}
