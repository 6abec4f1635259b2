import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button } from '../../components/button';
import { PasswordField } from '../../components/password-field';
import { useTRPC } from '../../lib/trpc';
import { errorMessage, serverFieldErrors } from '../../lib/trpc-errors';

/**
 * The password again, when a sensitive action finds the last sign-in on this device too long ago (the
 * server answers 403): once confirmed, `onConfirmed` runs the action again.
 */
export function ConfirmPasswordForm({
  onConfirmed,
  onCancel,
}: {
  onConfirmed: () => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const confirm = useMutation(trpc.account.confirmPassword.mutationOptions());
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (confirm.isPending) return;
    setError(undefined);
    try {
      await confirm.mutateAsync({ password });
      onConfirmed();
    } catch (failure) {
      setError(serverFieldErrors(failure).password ?? errorMessage(failure));
    }
  };

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="mt-3 flex max-w-sm flex-col gap-3"
      aria-label="Confirm your password"
    >
      <p className="text-muted text-sm">For your security, confirm your password to download your data.</p>
      <PasswordField
        label="Password"
        autoComplete="current-password"
        autoFocus
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={error}
      />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" pending={confirm.isPending}>
          Confirm and download
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
