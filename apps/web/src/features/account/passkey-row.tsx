import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { deletePasskeyInput, renamePasskeyInput } from '@taskapp/shared';
import { KeyRound } from 'lucide-react';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { PasswordField } from '../../components/password-field';
import { TextField } from '../../components/text-field';
import { applyServerErrors } from '../../lib/form-errors';
import { toast } from '../../lib/toast';
import { useTRPC } from '../../lib/trpc';
import { TimeLabel } from './time-label';

export interface PasskeyItem {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt?: Date | null | undefined;
}

interface PasskeyRowProps {
  passkey: PasskeyItem;
  email: string;
  onChanged: () => Promise<unknown>;
}

/** One passkey: its name and dates, renamed in place, deleted with the password. */
export function PasskeyRow({ passkey, email, onChanged }: PasskeyRowProps) {
  const id = useId();
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  return (
    <li className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0" data-testid="passkey-row">
      <div className="flex items-start gap-3">
        <div className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-md bg-subtle text-muted">
          <KeyRound aria-hidden="true" className="size-4" />
        </div>
        <div className="min-w-0 flex-1">
          <p id={`${id}-name`} className="break-words font-medium">
            {passkey.name}
          </p>
          <p className="text-muted text-sm">
            Added <TimeLabel date={passkey.createdAt} />
            {' · '}
            {passkey.lastUsedAt ? (
              <>
                Last used <TimeLabel date={passkey.lastUsedAt} relative />
              </>
            ) : (
              'Never used'
            )}
          </p>
        </div>
        {mode === 'view' ? (
          <div className="flex shrink-0 gap-2">
            <Button size="sm" aria-describedby={`${id}-name`} onClick={() => setMode('rename')}>
              Rename
            </Button>
            <Button size="sm" aria-describedby={`${id}-name`} onClick={() => setMode('delete')}>
              Delete
            </Button>
          </div>
        ) : null}
      </div>
      {mode === 'rename' ? (
        <RenamePasskeyForm passkey={passkey} onDone={() => setMode('view')} onChanged={onChanged} />
      ) : null}
      {mode === 'delete' ? (
        <DeletePasskeyForm
          passkey={passkey}
          email={email}
          onCancel={() => setMode('view')}
          onChanged={onChanged}
        />
      ) : null}
    </li>
  );
}

function RenamePasskeyForm({
  passkey,
  onDone,
  onChanged,
}: {
  passkey: PasskeyItem;
  onDone: () => void;
  onChanged: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const rename = useMutation(trpc.account.passkeys.rename.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(renamePasskeyInput),
    defaultValues: { id: passkey.id, name: passkey.name },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    if (rename.isPending) return;
    setFormError(null);
    try {
      await rename.mutateAsync(values);
      await onChanged();
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['name']));
    }
  });

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-3"
      aria-label={`Rename ${passkey.name}`}
    >
      <FormAlert>{formError}</FormAlert>
      <TextField
        label="Passkey name"
        autoFocus
        maxLength={100}
        error={form.formState.errors.name?.message}
        {...form.register('name')}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" size="sm" pending={rename.isPending}>
          Save
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function DeletePasskeyForm({
  passkey,
  email,
  onCancel,
  onChanged,
}: {
  passkey: PasskeyItem;
  email: string;
  onCancel: () => void;
  onChanged: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.account.passkeys.delete.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(deletePasskeyInput),
    defaultValues: { id: passkey.id, password: '' },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    if (remove.isPending) return;
    setFormError(null);
    try {
      await remove.mutateAsync(values);
      toast.success('Passkey deleted', { description: `“${passkey.name}” can no longer sign you in.` });
      await onChanged();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['password']));
    }
  });

  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="flex flex-col gap-3"
      aria-label={`Delete ${passkey.name}`}
    >
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <FormAlert>{formError}</FormAlert>
      <PasswordField
        label="Password"
        hint="Confirm it’s you to delete this passkey."
        autoComplete="current-password"
        autoFocus
        error={form.formState.errors.password?.message}
        {...form.register('password')}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" size="sm" pending={remove.isPending}>
          Delete passkey
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
