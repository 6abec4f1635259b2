import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { updateProfileInput } from '@taskapp/shared';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { Section } from '../../components/section';
import { TextField } from '../../components/text-field';
import type { SessionUser } from '../../lib/api-types';
import { setUser } from '../../lib/auth-store';
import { applyServerErrors } from '../../lib/form-errors';
import { announceUserChange } from '../../lib/session';
import { toast } from '../../lib/toast';
import { useTRPC } from '../../lib/trpc';

function VerifiedBadge({ verified }: { verified: boolean }) {
  return verified ? (
    <span className="rounded-sm bg-success-soft px-1.5 py-0.5 font-medium text-success text-xs">
      Confirmed
    </span>
  ) : (
    <span className="rounded-sm bg-subtle px-1.5 py-0.5 font-medium text-muted text-xs">Not confirmed</span>
  );
}

export function ProfileSection({ user }: { user: SessionUser }) {
  const trpc = useTRPC();
  const update = useMutation(trpc.account.updateProfile.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(updateProfileInput),
    defaultValues: { name: user.name },
    mode: 'onTouched',
  });

  const onSubmit = form.handleSubmit(async (values) => {
    if (update.isPending) return;
    setFormError(null);
    try {
      const updated = await update.mutateAsync(values);
      setUser(updated);
      announceUserChange(updated.id);
      form.reset({ name: updated.name });
      toast.success('Name saved');
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['name']));
    }
  });

  return (
    <Section title="Profile" description="How you appear in Taskapp.">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Profile">
        <FormAlert>{formError}</FormAlert>
        <dl className="flex flex-col gap-1.5">
          <dt className="font-medium text-sm">Email</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <span className="wrap-anywhere">{user.email}</span>
            <VerifiedBadge verified={user.isVerified} />
          </dd>
        </dl>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <div className="min-w-0 flex-1">
            <TextField
              label="Name"
              autoComplete="name"
              error={form.formState.errors.name?.message}
              {...form.register('name')}
            />
          </div>
          <Button
            type="submit"
            className="sm:mt-7"
            disabled={!form.formState.isDirty}
            pending={update.isPending}
          >
            Save name
          </Button>
        </div>
      </form>
    </Section>
  );
}
