import { Link } from '@tanstack/react-router';
import { buttonClasses } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { CompassIcon } from '../components/icons';

export function NotFoundPage() {
  return (
    <>
      <title>Page not found · Taskapp</title>
      <EmptyState
        icon={<CompassIcon width={20} height={20} />}
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
