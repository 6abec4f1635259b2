import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { requireSignedIn, requireSignedOut } from './features/auth/route-guards';
import { parseRedirectSearch, parseSignInSearch, parseTokenSearch } from './features/auth/search-params';
import { prefetchTaskScreen } from './features/tasks/data/prefetch-task-screen';
import { parseTaskView } from './features/tasks/view/task-view';
import { NotFoundPage } from './routes/not-found';
import { RootLayout } from './routes/root-layout';
import { RouteError } from './routes/route-error';
import { RoutePending } from './routes/route-pending';
import { StatusPage } from './routes/status';

// Code-based routes: the tree is written out here, so there is no generated file to keep in sync.
// Forms (zod, react-hook-form, Radix dialog) load with the pages that need them, not with the app shell.
const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });

const getParentRoute = () => rootRoute;

const routeTree = rootRoute.addChildren([
  // Signed-in only.
  createRoute({
    getParentRoute,
    path: '/',
    // Tab, filters, search, sort and the open task live in the URL, so a view survives reloads and Back.
    validateSearch: parseTaskView,
    beforeLoad: ({ location }) => requireSignedIn(location),
    // What the list depends on (not the open task).
    loaderDeps: ({ search: { status, priority, due, q, sort, order } }) => ({
      status,
      priority,
      due,
      q,
      sort,
      order,
    }),
    // Not awaited: the page renders as soon as its code is here, the list arrives when it arrives.
    loader: ({ deps }) => prefetchTaskScreen(deps),
    // The task screen brings the date parser (chrono-node) and the virtualizer; the app shell stays small.
    component: lazyRouteComponent(() => import('./routes/home'), 'HomePage'),
  }),
  createRoute({
    getParentRoute,
    path: '/settings',
    beforeLoad: ({ location }) => requireSignedIn(location),
    component: lazyRouteComponent(() => import('./routes/settings'), 'SettingsPage'),
  }),
  // Signed-out only.
  createRoute({
    getParentRoute,
    path: '/sign-in',
    validateSearch: parseSignInSearch,
    beforeLoad: ({ search }) => requireSignedOut(search.redirect),
    component: lazyRouteComponent(() => import('./routes/sign-in'), 'SignInPage'),
  }),
  createRoute({
    getParentRoute,
    path: '/sign-up',
    validateSearch: parseRedirectSearch,
    beforeLoad: ({ search }) => requireSignedOut(search.redirect),
    component: lazyRouteComponent(() => import('./routes/sign-up'), 'SignUpPage'),
  }),
  createRoute({
    getParentRoute,
    path: '/forgot-password',
    beforeLoad: () => requireSignedOut(undefined),
    component: lazyRouteComponent(() => import('./routes/forgot-password'), 'ForgotPasswordPage'),
  }),
  // Either way: email links open in whatever state the browser is in.
  createRoute({
    getParentRoute,
    path: '/reset-password',
    validateSearch: parseTokenSearch,
    component: lazyRouteComponent(() => import('./routes/reset-password'), 'ResetPasswordPage'),
  }),
  createRoute({
    getParentRoute,
    path: '/verify-email',
    validateSearch: parseTokenSearch,
    component: lazyRouteComponent(() => import('./routes/verify-email'), 'VerifyEmailPage'),
  }),
  createRoute({ getParentRoute, path: '/status', component: StatusPage }),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  defaultErrorComponent: RouteError,
  defaultPendingComponent: RoutePending,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
