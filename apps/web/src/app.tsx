import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect } from 'react';
import { DeferredToaster } from './components/deferred-toaster';
import { followAuthChanges } from './features/auth/follow-auth-changes';
import { SessionSplash } from './features/auth/session-splash';
import { useAuth } from './features/auth/use-auth';
import { prefetchFirstPlaceOnSessionRestore } from './features/tasks/data/prefetch-first-place';
import { queryClient, trpcClient } from './lib/clients';
import { followSignInWithLiveSync } from './lib/sync/follow-sign-in';
import { TRPCProvider } from './lib/trpc';
import { router } from './router';

export function App() {
  const auth = useAuth();
  useEffect(() => followAuthChanges(router, queryClient), []);
  useEffect(() => followSignInWithLiveSync(queryClient), []);
  useEffect(() => prefetchFirstPlaceOnSessionRestore(), []);

  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {/* Routes wait for the session, so a signed-in person never sees the sign-in page flash by. */}
        {auth.status === 'restoring' ? <SessionSplash /> : <RouterProvider router={router} />}
        <DeferredToaster />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
