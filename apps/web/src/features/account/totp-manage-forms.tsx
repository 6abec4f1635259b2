import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { disableTotpInput, regenerateRecoveryCodesInput } from '@taskapp/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { PasswordField } from '../../components/password-field';
import { TextField } from '../../components/text-field';
import { applyServerErrors } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';

const CODE_HINT = 'The 6-digit code from your authenticator app.';

export function DisableTotpForm({
  email,
  onDisabled,
  onCancel,
}: {
  email: string;
  onDisabled: () => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const disable = useMutation(trpc.account.twoFactor.disableTotp.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(disableTotpInput),
    defaultValues: { password: '', code: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    if (disable.isPending) return;
    setFormError(null);
    try {
      await disable.mutateAsync(values);
      onDisabled();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['password', 'code']));
    }
  });

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      aria-label="Turn off two-factor authentication"
    >
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <p className="text-muted text-sm">
        Sign-in will ask only for your password. Your recovery codes stop working.
      </p>
      <FormAlert>{formError}</FormAlert>
      <PasswordField
        label="Password"
        autoComplete="current-password"
        autoFocus
        error={errors.password?.message}
        {...form.register('password')}
      />
      <TextField
        label="Authentication code"
        hint={CODE_HINT}
        autoComplete="one-time-code"
        inputMode="numeric"
        spellCheck={false}
        error={errors.code?.message}
        {...form.register('code')}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" pending={disable.isPending}>
          {disable.isPending ? 'Turning off…' : 'Turn off'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function RegenerateRecoveryCodesForm({
  onCodes,
  onCancel,
}: {
  onCodes: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const regenerate = useMutation(trpc.account.twoFactor.regenerateRecoveryCodes.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(regenerateRecoveryCodesInput),
    defaultValues: { code: '' },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    if (regenerate.isPending) return;
    setFormError(null);
    try {
      onCodes((await regenerate.mutateAsync(values)).recoveryCodes);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['code']));
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="New recovery codes">
      <p className="text-muted text-sm">
        Ten new codes replace the ones you have now; the old ones stop working at once.
      </p>
      <FormAlert>{formError}</FormAlert>
      <TextField
        label="Authentication code"
        hint={CODE_HINT}
        autoComplete="one-time-code"
        inputMode="numeric"
        spellCheck={false}
        autoFocus
        error={form.formState.errors.code?.message}
        {...form.register('code')}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" pending={regenerate.isPending}>
          {regenerate.isPending ? 'Making codes…' : 'Make new codes'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
