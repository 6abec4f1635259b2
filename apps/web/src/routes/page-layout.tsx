import { Outlet } from '@tanstack/react-router';

/** Settings, sign-in and the other pages: one centred column. */
export function PageLayout() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 outline-none sm:px-6">
      <Outlet />
    </main>
  );
}
