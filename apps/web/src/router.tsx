import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  notFound,
  redirect,
} from '@tanstack/react-router';
import { requireSignedIn, requireSignedOut } from './features/auth/route-guards';
import { parseRedirectSearch, parseSignInSearch, parseTokenSearch } from './features/auth/search-params';
import { rememberedPlace } from './features/navigation/last-place';
import { placeOfPath, placePath } from './features/navigation/place';
import { prefetchPlace } from './features/tasks/data/prefetch-task-screen';
import { parseTaskView, type TaskView } from './features/tasks/view/task-view';
import { NotFoundPage } from './routes/not-found';
import { PageLayout } from './routes/page-layout';
import { RootLayout } from './routes/root-layout';
import { RouteError } from './routes/route-error';
import { RoutePending } from './routes/route-pending';
import { StatusPage } from './routes/status';

// Code-based routes: the tree is written out here, so there is no generated file to keep in sync.
// Forms (zod, react-hook-form, Radix dialog) load with the pages that need them, not with the app shell.
const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });

// Ordinary pages sit in one centred column; the task places share a layout with the sidebar.
const pageLayout = createRoute({ getParentRoute: () => rootRoute, id: '_page', component: PageLayout });
const tasksLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: '_tasks',
  beforeLoad: ({ location }) => requireSignedIn(location),
  component: lazyRouteComponent(() => import('./features/navigation/tasks-layout'), 'TasksLayout'),
  notFoundComponent: NotFoundPage,
});

const getParentRoute = () => pageLayout;
const inTasks = () => tasksLayout;

// Every place keeps its view in the URL (filters, search, sort, the open task, "Show completed"), so a view
// survives reloads and Back. The loader starts the first page while the screen's code loads; not awaited,
// so the page renders as soon as its code is here.
const placeSearch = {
  validateSearch: parseTaskView,
  // What the list depends on (not the open task).
  loaderDeps: ({
    search: { status, priority, due, q, sort, order, showCompleted },
  }: {
    search: TaskView;
  }) => ({
    status,
    priority,
    due,
    q,
    sort,
    order,
    showCompleted,
  }),
};
// The task screen brings the date parser (chrono-node) and the virtualizer; the app shell stays small.
const placePage = (name: 'AllTasksPage' | 'SmartPlacePage' | 'ProjectPage' | 'LabelPage') =>
  lazyRouteComponent(() => import('./routes/places'), name);

const placeRoutes = [
  createRoute({
    getParentRoute: inTasks,
    path: '/',
    ...placeSearch,
    // `/` on its own opens the place shown last in this browser.
    beforeLoad: ({ search }) => {
      const last = rememberedPlace();
      if (Object.keys(search).length === 0 && last && last.kind !== 'all')
        throw redirect({ href: placePath(last), replace: true });
    },
    loader: ({ deps }) => prefetchPlace({ kind: 'all' }, deps),
    component: placePage('AllTasksPage'),
  }),
  ...(['inbox', 'today', 'upcoming', 'completed'] as const).map((kind) =>
    createRoute({
      getParentRoute: inTasks,
      path: `/${kind}`,
      ...placeSearch,
      loader: ({ deps }) => prefetchPlace({ kind }, deps),
      component: placePage('SmartPlacePage'),
    }),
  ),
  createRoute({
    getParentRoute: inTasks,
    path: '/projects/$projectId',
    ...placeSearch,
    // An address that cannot be a project (not an id) is the not-found page, not a failed list.
    beforeLoad: ({ location }) => {
      if (!placeOfPath(location.pathname)) throw notFound();
    },
    loader: ({ deps, params }) => prefetchPlace({ kind: 'project', id: params.projectId }, deps),
    component: placePage('ProjectPage'),
  }),
  createRoute({
    getParentRoute: inTasks,
    path: '/labels/$labelId',
    ...placeSearch,
    beforeLoad: ({ location }) => {
      if (!placeOfPath(location.pathname)) throw notFound();
    },
    loader: ({ deps, params }) => prefetchPlace({ kind: 'label', id: params.labelId }, deps),
    component: placePage('LabelPage'),
  }),
];

const routeTree = rootRoute.addChildren([
  tasksLayout.addChildren(placeRoutes),
  pageLayout.addChildren([
    // Signed-in only.
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
  ]),
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
