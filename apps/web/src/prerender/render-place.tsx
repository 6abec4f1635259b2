import { dehydrate, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { prerender } from 'react-dom/static';
import superjson from 'superjson';
import type { SessionUser } from '../lib/api-types';
import { clearSession, startOfflineSession } from '../lib/auth-store';
import { queryClient, trpcClient } from '../lib/clients';
import { serverRender } from '../lib/server-render';
import { TRPCProvider } from '../lib/trpc';
import { router } from '../router';
import { type ServerCall, setServerCall } from './server-clients';
import { staticMarkup } from './static-markup';

export interface PlaceRenderRequest {
  /** The address asked for: path and query. */
  url: string;
  user: SessionUser;
  call: ServerCall;
  phone: boolean;
  boardProjects: readonly string[];
  sidebarCollapsed: boolean;
}

export interface RenderedPlace {
  /** HTML-escaped already. */
  title: string;
  markup: string;
  /** The queries the screen was drawn from (superjson of React Query's dehydrated cache), for the app to start from. */
  data: string;
}

/** A first screen that takes longer than this is not worth waiting for: the page comes without it. */
const RENDER_BUDGET_MS = 2_000;

// The app's modules hold one router, one query cache and one auth state: renders take turns.
let turn: Promise<unknown> = Promise.resolve();

/**
 * A signed-in person's first screen (a task place) with their data, rendered by the app's own router and
 * components in the API's process (apps/api/src/http/prerendered-places.ts; built by
 * build/place-renderer.ts), so the page shows their list before any JavaScript has run. Null when the
 * address is not a place the router shows them (a redirect, not found, an error) or it took too long.
 */
export function renderPlace(request: PlaceRenderRequest): Promise<RenderedPlace | null> {
  const result = turn.then(() => renderInTurn(request));
  turn = result.catch(() => undefined);
  return result;
}

async function renderInTurn(request: PlaceRenderRequest): Promise<RenderedPlace | null> {
  const deadline = AbortSignal.timeout(RENDER_BUDGET_MS);
  setServerCall(request.call);
  serverRender.phone = request.phone;
  serverRender.boardProjects = request.boardProjects;
  serverRender.sidebarCollapsed = request.sidebarCollapsed;
  startOfflineSession(request.user);
  try {
    router.update({ ...router.options, history: createMemoryHistory({ initialEntries: [request.url] }) });
    await router.load();
    // Only the task place asked for, as it is: not a page a redirect led to, not a not-found page.
    const { status, location, matches } = router.state;
    if (status !== 'idle' || location.pathname !== request.url.split('?')[0]) return null;
    if (!matches.some((match) => match.routeId.startsWith('/_tasks/'))) return null;
    if (matches.some((match) => match.status !== 'success')) return null;
    // The loaders started the list; the first render asks for the rest (the sidebar's counts, the
    // settings…). Those are read and the screen is drawn again with everything in.
    await settled(deadline);
    await render(deadline);
    await fetchAskedFor(deadline);
    const html = await render(deadline);
    if (deadline.aborted) return null;
    const data = superjson.stringify(
      dehydrate(queryClient, { shouldDehydrateQuery: (query) => query.state.status === 'success' }),
    );
    return { ...staticMarkup(html), data };
  } finally {
    queryClient.clear();
    clearSession(null);
    setServerCall(null);
  }
}

/** Any error while drawing a part of the screen leaves that part to the browser: such a page is not sent. */
class PartNotRendered extends Error {}

async function render(signal: AbortSignal): Promise<string> {
  let failed: unknown = null;
  const { prelude } = await prerender(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <RouterProvider router={router} />
      </TRPCProvider>
    </QueryClientProvider>,
    // One piece: nothing outlined into templates that a script would have to move into place.
    {
      signal,
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      onError: (error) => {
        failed ??= error;
      },
    },
  );
  if (failed) throw new PartNotRendered('a part of the first screen failed on the server', { cause: failed });
  return new Response(prelude).text();
}

/** Reads what the render asked for and did not have (React does not fetch while rendering on a server). */
async function fetchAskedFor(signal: AbortSignal): Promise<void> {
  const asked = queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.status === 'pending' && query.state.fetchStatus === 'idle');
  await Promise.race([
    Promise.allSettled(asked.map((query) => query.fetch())),
    new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true })),
  ]);
}

async function settled(signal: AbortSignal): Promise<void> {
  while (queryClient.isFetching() > 0 && !signal.aborted)
    await new Promise((resolve) => setTimeout(resolve, 2));
}
