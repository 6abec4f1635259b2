import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { CircleAlert, CircleCheck, LoaderCircle } from 'lucide-react';
import { useEffect } from 'react';
import { Button, buttonClasses } from '../components/button';
import { AuthLayout } from '../features/auth/auth-layout';
import { useMailedToken } from '../features/auth/mailed-token';
import { useAuth } from '../features/auth/use-auth';
import { useResendVerification } from '../features/auth/use-resend-verification';
import { announceUserChange, refreshSession } from '../lib/session';
import { useTRPCClient } from '../lib/trpc';
import { errorMessage } from '../lib/trpc-errors';

function useVerification(token: string | undefined) {
  const client = useTRPCClient();
  // A query, not a mutation: it runs once per token however often the page renders or remounts.
  return useQuery({
    queryKey: ['verify-email', token],
    queryFn: () => client.auth.verifyEmail.mutate({ token: token ?? '' }),
    enabled: Boolean(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function VerifyEmailPage() {
  const token = useMailedToken();
  const auth = useAuth();
  const verification = useVerification(token);
  const userId = auth.status === 'signed-in' ? auth.user.id : null;
  const resend = useResendVerification(auth.status === 'signed-in' ? auth.user.email : '');

  useEffect(() => {
    // Pick up isVerified here (the banner goes away) and in every other open tab.
    if (verification.isSuccess && userId) void refreshSession().then(() => announceUserChange(userId));
  }, [verification.isSuccess, userId]);

  const next =
    auth.status === 'signed-in' ? (
      <Link to="/" className={`${buttonClasses('primary')} w-full`}>
        Go to your tasks
      </Link>
    ) : (
      <Link to="/sign-in" className={`${buttonClasses('primary')} w-full`}>
        Sign in
      </Link>
    );

  if (!token || verification.isError) {
    const canResend = auth.status === 'signed-in' && !auth.user.isVerified;
    return (
      <AuthLayout
        title="This link didn’t work"
        description="Confirmation links work once and expire after 24 hours."
        icon={<CircleAlert aria-hidden="true" className="size-5" />}
      >
        <div role="alert" className="mb-4 text-fg">
          {token
            ? errorMessage(verification.error)
            : 'This link is incomplete. Open the link from the email again.'}
        </div>
        {canResend ? (
          <Button
            variant="primary"
            className="w-full"
            pending={resend.isPending}
            onClick={() => resend.mutate()}
          >
            Send a new link
          </Button>
        ) : auth.status === 'signed-in' ? (
          next
        ) : (
          <>
            <p className="mb-4 text-muted">Sign in to get a new link.</p>
            {next}
          </>
        )}
      </AuthLayout>
    );
  }

  if (verification.isSuccess) {
    return (
      <AuthLayout
        title="Email address confirmed"
        description="Thanks. Your account is all set."
        icon={<CircleCheck aria-hidden="true" className="size-5" />}
      >
        <p role="status" className="sr-only">
          Email address confirmed
        </p>
        {next}
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Confirming your email"
      description="This takes a moment."
      icon={<LoaderCircle aria-hidden="true" className="size-5 motion-safe:animate-spin" />}
    >
      <p role="status" className="text-center text-muted">
        Checking your link…
      </p>
    </AuthLayout>
  );
}
