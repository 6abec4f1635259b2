import { Link } from '@tanstack/react-router';
import { Compass } from 'lucide-react';
import { buttonClasses } from '../components/button';
import { EmptyState } from '../components/empty-state';

function NotFoundContent() {
  return (
    <>
      <title>Page not found · Taskapp</title>
      <EmptyState
        icon={<Compass aria-hidden="true" className="size-5" />}
        title="This page doesn’t exist"
        headingLevel={1}
        framed={false}
        actions={
          <Link to="/" className={buttonClasses('primary')}>
            Go to your tasks
          </Link>
        }
      >
        <p>The link may be broken, or the page may have moved. Check the address and try again.</p>
      </EmptyState>
    </>
  );
}

/** Shown in place of a layout (the root's, or the task places' for an address that is no place), so it brings its own main. */
export function NotFoundPage() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 outline-none sm:px-6">
      <NotFoundContent />
    </main>
  );
}
