import { Link } from '@tanstack/react-router';
import { buttonClasses } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { ListIcon } from '../components/icons';
import { PageHeader } from '../components/page-header';

export function HomePage() {
  return (
    <>
      <title>Tasks · Taskapp</title>
      <PageHeader title="Tasks" description="Everything you need to do, in one calm list." />
      <EmptyState
        icon={<ListIcon width={20} height={20} />}
        title="Your tasks arrive soon"
        actions={
          <Link to="/status" className={buttonClasses('secondary')}>
            Check system status
          </Link>
        }
      >
        <p>Adding, sorting and completing tasks is on its way. When it lands, your list lives right here.</p>
      </EmptyState>
    </>
  );
}
