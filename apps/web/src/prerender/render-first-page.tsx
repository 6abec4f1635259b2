import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { renderToString } from 'react-dom/server';
import { queryClient, trpcClient } from '../lib/clients';
import { TRPCProvider } from '../lib/trpc';
import { router } from '../router';

/**
 * The HTML of a signed-out first page (sign in, sign up, forgot password), rendered by the app's own router and components
 * at build time (build/prerender.ts), so the page the server sends can show it before any JavaScript has
 * run. Nobody is signed in here and no query has data: the header shows "Sign in" and "Sign up", the API
 * status "Checking".
 */
export async function renderFirstPage(path: string): Promise<string> {
  router.update({ ...router.options, history: createMemoryHistory({ initialEntries: [path] }) });
  await router.load();
  const html = renderToString(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <RouterProvider router={router} />
      </TRPCProvider>
    </QueryClientProvider>,
  );
  // The queries the page asked for (the API's health) would otherwise keep the build alive until their
  // garbage-collection timers fire.
  queryClient.clear();
  return html;
}
