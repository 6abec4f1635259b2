import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { resetPasswordInput } from '@taskapp/shared';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { getAuthState } from '../../lib/auth-store';
import { applyServerErrors } from '../../lib/form-errors';
import { endSession } from '../../lib/session';
import { useTRPC } from '../../lib/trpc';
import { errorCode } from '../../lib/trpc-errors';
import { TEXT_LINK } from './auth-layout';
import { NewPasswordField } from './new-password-field';

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const [formError, setFormError] = useState<string | null>(null);
  const [linkFailed, setLinkFailed] = useState(false);
  const form = useForm({
    resolver: zodResolver(resetPasswordInput),
    defaultValues: { token, password: '' },
    mode: 'onTouched',
  });
  const { errors, isSubmitted } = form.formState;
  const password = useWatch({ control: form.control, name: 'password' });

  const onSubmit = form.handleSubmit(async (values) => {
    if (reset.isPending) return;
    setFormError(null);
    setLinkFailed(false);
    try {
      await reset.mutateAsync(values);
      // The reset ended every session, this browser's included.
      if (getAuthState().status === 'signed-in') endSession('password-reset');
      await navigate({ to: '/sign-in', search: { notice: 'password-reset' }, replace: true });
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, ['password']));
      // Anything wrong with the request other than the password itself is the link: expired or used.
      setLinkFailed(errorCode(error) === 'BAD_REQUEST' && !form.getFieldState('password').error);
    }
  });
  const problem = formError ?? errors.token?.message ?? null;

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Choose a new password">
      {/* Only when there is something to say: an empty alert box would be announced too (new-user finding 1). */}
      {problem ? (
        <FormAlert>
          {problem}
          {linkFailed || errors.token ? (
            <>
              {' '}
              <Link to="/forgot-password" className={TEXT_LINK}>
                Request a new link
              </Link>
            </>
          ) : null}
        </FormAlert>
      ) : null}
      <NewPasswordField
        label="New password"
        registration={form.register('password')}
        password={password}
        error={errors.password?.message}
        showFailures={isSubmitted}
      />
      <Button type="submit" variant="primary" className="mt-1 w-full" pending={reset.isPending}>
        {reset.isPending ? 'Saving…' : 'Set new password'}
      </Button>
    </form>
  );
}
