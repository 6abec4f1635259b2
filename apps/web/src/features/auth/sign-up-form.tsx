import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { registerInput } from '@taskapp/shared';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { TextField } from '../../components/text-field';
import { applyServerErrors } from '../../lib/form-errors';
import { adoptSignIn } from '../../lib/session';
import { canonicalBrowserTimeZone } from '../../lib/time-zone';
import { toast } from '../../lib/toast';
import { useTRPC } from '../../lib/trpc';
import { NewPasswordField } from './new-password-field';

export function SignUpForm() {
  const trpc = useTRPC();
  const register = useMutation(trpc.auth.register.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(registerInput),
    defaultValues: { name: '', email: '', password: '' },
    mode: 'onTouched',
  });
  const { errors, isSubmitted } = form.formState;
  const [name, email, password] = useWatch({ control: form.control, name: ['name', 'email', 'password'] });

  const onSubmit = form.handleSubmit(async (values) => {
    if (register.isPending) return;
    setFormError(null);
    try {
      // The account starts in this browser's zone, so "today" is the person's today from the first task.
      const timeZone = canonicalBrowserTimeZone();
      const payload = await register.mutateAsync({ ...values, ...(timeZone ? { timeZone } : {}) });
      adoptSignIn(payload);
      toast.success(`Welcome to Taskapp, ${payload.user.name}`, {
        description: `We sent a link to ${payload.user.email} to confirm your email address.`,
      });
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['name', 'email', 'password']));
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Create an account">
      <FormAlert>{formError}</FormAlert>
      <TextField label="Name" autoComplete="name" error={errors.name?.message} {...form.register('name')} />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register('email')}
      />
      <NewPasswordField
        registration={form.register('password')}
        password={password}
        error={errors.password?.message}
        email={email}
        userInputs={[name, email]}
        showFailures={isSubmitted}
      />
      <Button type="submit" variant="primary" className="mt-1 w-full" pending={register.isPending}>
        {register.isPending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}
