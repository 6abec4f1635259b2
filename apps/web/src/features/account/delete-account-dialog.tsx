import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { deleteAccountInput } from '@taskapp/shared';
import { type ReactNode, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../components/button';
import { Dialog, DialogClose } from '../../components/dialog';
import { FormAlert } from '../../components/form-alert';
import { PasswordField } from '../../components/password-field';
import { applyServerErrors } from '../../lib/form-errors';
import { endSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';

interface DeleteAccountDialogProps {
  trigger: ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  email: string;
}

export function DeleteAccountDialog({ trigger, open, onOpenChange, email }: DeleteAccountDialogProps) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.account.delete.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(deleteAccountInput), defaultValues: { password: '' } });

  const onSubmit = form.handleSubmit(async (values) => {
    if (remove.isPending) return;
    setFormError(null);
    try {
      await remove.mutateAsync(values);
      // Every tab leaves; the sign-in page confirms what happened.
      endSession('account-deleted');
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['password']));
    }
  });

  const changeOpen = (next: boolean) => {
    if (remove.isPending) return;
    if (!next) {
      form.reset();
      setFormError(null);
    }
    onOpenChange(next);
  };

  return (
    <Dialog
      trigger={trigger}
      open={open}
      onOpenChange={changeOpen}
      title="Delete your account?"
      description={
        <>
          This permanently deletes <span className="wrap-anywhere font-medium text-fg">{email}</span>, all
          your tasks and every session. It can’t be undone.
        </>
      }
    >
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Delete account">
        <input type="email" autoComplete="username" value={email} readOnly hidden />
        <FormAlert>{formError}</FormAlert>
        <PasswordField
          label="Your password"
          autoComplete="current-password"
          error={form.formState.errors.password?.message}
          {...form.register('password')}
        />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <DialogClose asChild>
            <Button>Cancel</Button>
          </DialogClose>
          <Button type="submit" variant="danger" pending={remove.isPending}>
            {remove.isPending ? 'Deleting…' : 'Delete account'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
