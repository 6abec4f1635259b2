import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { changePasswordInput } from '@taskapp/shared';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { PasswordField } from '../../components/password-field';
import { Section } from '../../components/section';
import type { SessionUser } from '../../lib/api-types';
import { applyServerErrors } from '../../lib/form-errors';
import { toast } from '../../lib/toast';
import { useTRPC } from '../../lib/trpc';
import { NewPasswordField } from '../auth/new-password-field';

const EMPTY = { currentPassword: '', newPassword: '' };

export function PasswordSection({ user }: { user: SessionUser }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(changePasswordInput),
    defaultValues: EMPTY,
    mode: 'onTouched',
  });
  const { errors, isSubmitted } = form.formState;
  const newPassword = useWatch({ control: form.control, name: 'newPassword' });

  const onSubmit = form.handleSubmit(async (values) => {
    if (change.isPending) return;
    setFormError(null);
    try {
      await change.mutateAsync(values);
      form.reset(EMPTY);
      toast.success('Password changed', { description: 'Every other session was signed out.' });
      await queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['currentPassword', 'newPassword']));
    }
  });

  return (
    <Section title="Password" description="Changing it signs you out on every other device.">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Change password">
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" autoComplete="username" value={user.email} readOnly hidden />
        <FormAlert>{formError}</FormAlert>
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register('currentPassword')}
        />
        <NewPasswordField
          label="New password"
          registration={form.register('newPassword')}
          password={newPassword}
          error={errors.newPassword?.message}
          email={user.email}
          userInputs={[user.name, user.email]}
          showFailures={isSubmitted}
        />
        <div>
          <Button type="submit" pending={change.isPending}>
            {change.isPending ? 'Changing password…' : 'Change password'}
          </Button>
        </div>
      </form>
    </Section>
  );
}
