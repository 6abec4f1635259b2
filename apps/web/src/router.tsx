import { createRootRoute, createRoute, createRouter } from '@tanstack/react-router';
import { HomePage } from './routes/home';
import { NotFoundPage } from './routes/not-found';
import { RootLayout } from './routes/root-layout';
import { RouteError } from './routes/route-error';
import { SettingsPage } from './routes/settings';
import { SignInPage } from './routes/sign-in';
import { SignUpPage } from './routes/sign-up';
import { StatusPage } from './routes/status';

// Code-based routes: the tree is written out here, so there is no generated file to keep in sync.
const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });

const getParentRoute = () => rootRoute;

const routeTree = rootRoute.addChildren([
  createRoute({ getParentRoute, path: '/', component: HomePage }),
  createRoute({ getParentRoute, path: '/status', component: StatusPage }),
  createRoute({ getParentRoute, path: '/sign-in', component: SignInPage }),
  createRoute({ getParentRoute, path: '/sign-up', component: SignUpPage }),
  createRoute({ getParentRoute, path: '/settings', component: SettingsPage }),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  defaultErrorComponent: RouteError,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
