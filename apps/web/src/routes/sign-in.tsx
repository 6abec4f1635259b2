import { getRouteApi, Link } from '@tanstack/react-router';
import { LogIn } from 'lucide-react';
import { AuthLayout, TEXT_LINK } from '../features/auth/auth-layout';
import { SignInForm } from '../features/auth/sign-in-form';
import { SignInNotice } from '../features/auth/sign-in-notice';

const route = getRouteApi('/_page/sign-in');

export function SignInPage() {
  const { redirect, notice } = route.useSearch();
  return (
    <AuthLayout
      title="Sign in"
      description="Welcome back to Taskapp."
      icon={<LogIn aria-hidden="true" className="size-5" />}
      footer={
        <>
          New here?{' '}
          <Link to="/sign-up" search={redirect ? { redirect } : {}} className={TEXT_LINK}>
            Create an account
          </Link>
        </>
      }
    >
      {notice ? (
        <div className="mb-4">
          <SignInNotice kind={notice} />
        </div>
      ) : null}
      <SignInForm />
    </AuthLayout>
  );
}
