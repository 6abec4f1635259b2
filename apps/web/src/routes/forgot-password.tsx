import { Link } from '@tanstack/react-router';
import { KeyRound } from 'lucide-react';
import { AuthLayout, TEXT_LINK } from '../features/auth/auth-layout';
import { ForgotPasswordForm } from '../features/auth/forgot-password-form';

export function ForgotPasswordPage() {
  return (
    <AuthLayout
      title="Reset your password"
      description="Enter your email and we’ll send you a link to choose a new password."
      icon={<KeyRound aria-hidden="true" className="size-5" />}
      footer={
        <>
          Remembered it?{' '}
          <Link to="/sign-in" className={TEXT_LINK}>
            Back to sign in
          </Link>
        </>
      }
    >
      <ForgotPasswordForm />
    </AuthLayout>
  );
}
