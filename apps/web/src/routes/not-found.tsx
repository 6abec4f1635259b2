import { Link } from '@tanstack/react-router';
import { Compass } from 'lucide-react';
import { buttonClasses } from '../components/button';
import { EmptyState } from '../components/empty-state';

export function NotFoundPage() {
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
