import { RotateCw } from 'lucide-react';
import { Button } from '../components/button';
import { Kbd } from '../components/kbd';
import { PageHeader } from '../components/page-header';
import { HealthDetails } from '../features/health/health-details';
import { HealthError } from '../features/health/health-error';
import { HealthLoading } from '../features/health/health-loading';
import { useHealth } from '../features/health/use-health';
import { useShortcut } from '../lib/use-shortcut';

export function StatusPage() {
  const health = useHealth();
  const refresh = () => void health.refetch();
  useShortcut('r', refresh);

  return (
    <>
      <title>Status · Taskapp</title>
      <PageHeader
        title="System status"
        description="Live health of the API and its database. Checks again every 30 seconds."
        actions={
          health.data && !health.isError ? (
            <Button size="sm" onClick={refresh} disabled={health.isFetching}>
              <RotateCw
                aria-hidden="true"
                className={`size-4 ${health.isFetching ? 'motion-safe:animate-spin' : ''}`}
              />
              Refresh
              <Kbd>R</Kbd>
            </Button>
          ) : null
        }
      />
      {health.isError ? (
        <HealthError message={health.error.message} retrying={health.isFetching} onRetry={refresh} />
      ) : health.data ? (
        <HealthDetails health={health.data} checkedAt={health.dataUpdatedAt} />
      ) : (
        <HealthLoading />
      )}
    </>
  );
}
