import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { enableTotpInput, setupTotpInput } from '@taskapp/shared';
import { Copy } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../components/button';
import { INPUT_CLASSES } from '../../components/field';
import { FormAlert } from '../../components/form-alert';
import { PasswordField } from '../../components/password-field';
import { TextField } from '../../components/text-field';
import { applyServerErrors } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { copyText } from './recovery-codes';
import { TotpQrCode } from './totp-qr-code';

interface TotpSecret {
  secret: string;
  otpauthUri: string;
}

interface TotpSetupProps {
  email: string;
  onEnabled: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}

/** Turning on two-factor authentication: the password, then the secret to scan, then a code from it. */
export function TotpSetup({ email, onEnabled, onCancel }: TotpSetupProps) {
  const [secret, setSecret] = useState<TotpSecret | null>(null);
  return secret ? (
    <ConfirmTotpForm secret={secret} onEnabled={onEnabled} onCancel={onCancel} />
  ) : (
    <SetupPasswordForm email={email} onSecret={setSecret} onCancel={onCancel} />
  );
}

function SetupPasswordForm({
  email,
  onSecret,
  onCancel,
}: {
  email: string;
  onSecret: (secret: TotpSecret) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const setup = useMutation(trpc.account.twoFactor.setupTotp.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(setupTotpInput), defaultValues: { password: '' } });

  const onSubmit = form.handleSubmit(async (values) => {
    if (setup.isPending) return;
    setFormError(null);
    try {
      onSecret(await setup.mutateAsync(values));
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['password']));
    }
  });

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      aria-label="Turn on two-factor authentication"
    >
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <p className="text-muted text-sm">Confirm it’s you first.</p>
      <FormAlert>{formError}</FormAlert>
      <PasswordField
        label="Password"
        autoComplete="current-password"
        autoFocus
        error={form.formState.errors.password?.message}
        {...form.register('password')}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" pending={setup.isPending}>
          {setup.isPending ? 'Checking…' : 'Continue'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function ConfirmTotpForm({
  secret,
  onEnabled,
  onCancel,
}: {
  secret: TotpSecret;
  onEnabled: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const enable = useMutation(trpc.account.twoFactor.enableTotp.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(enableTotpInput), defaultValues: { code: '' } });

  const onSubmit = form.handleSubmit(async (values) => {
    if (enable.isPending) return;
    setFormError(null);
    try {
      onEnabled((await enable.mutateAsync(values)).recoveryCodes);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['code']));
    }
  });

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-4"
      aria-label="Confirm two-factor authentication"
    >
      <ol className="flex list-decimal flex-col gap-4 pl-5 text-sm marker:text-muted">
        <li>
          <p>Scan this QR code with your authenticator app (1Password, Google Authenticator, Authy…).</p>
          <div className="mt-3">
            <TotpQrCode uri={secret.otpauthUri} />
          </div>
        </li>
        <li>
          <p>Or, if you can’t scan it, enter the setup key instead.</p>
          <div className="mt-2 flex items-end gap-2">
            <div className="min-w-0 flex-1">
              <TextField
                label="Setup key"
                value={secret.secret.replace(/(.{4})(?=.)/g, '$1 ')}
                readOnly
                className={`${INPUT_CLASSES} font-mono`}
                onFocus={(event) => event.currentTarget.select()}
              />
            </div>
            <Button className="h-9" onClick={() => void copyText(secret.secret, 'Setup key')}>
              <Copy aria-hidden="true" className="size-4" />
              Copy<span className="sr-only"> setup key</span>
            </Button>
          </div>
        </li>
        <li>
          <p className="mb-2">Enter the 6-digit code the app shows to finish.</p>
          <FormAlert>{formError}</FormAlert>
          <TextField
            label="Authentication code"
            autoComplete="one-time-code"
            inputMode="numeric"
            spellCheck={false}
            error={form.formState.errors.code?.message}
            {...form.register('code')}
          />
        </li>
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" pending={enable.isPending}>
          {enable.isPending ? 'Turning on…' : 'Turn on'}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
