import { Link } from '@tanstack/react-router';
import { KeyRound } from 'lucide-react';
import { FormAlert } from '../components/form-alert';
import { AuthLayout, TEXT_LINK } from '../features/auth/auth-layout';
import { useMailedToken } from '../features/auth/mailed-token';
import { ResetPasswordForm } from '../features/auth/reset-password-form';

export function ResetPasswordPage() {
  const token = useMailedToken();
  return (
    <AuthLayout
      title="Choose a new password"
      description="Afterwards you’ll be signed out everywhere and can sign in with the new one."
      icon={<KeyRound aria-hidden="true" className="size-5" />}
      footer={
        <Link to="/sign-in" className={TEXT_LINK}>
          Back to sign in
        </Link>
      }
    >
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <FormAlert>
          This link is incomplete. Open the link from the email again, or{' '}
          <Link to="/forgot-password" className={TEXT_LINK}>
            request a new one
          </Link>
          .
        </FormAlert>
      )}
    </AuthLayout>
  );
}
