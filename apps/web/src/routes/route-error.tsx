import type { ErrorComponentProps } from '@tanstack/react-router';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';
import { AlertIcon } from '../components/icons';

/** Shown when a page throws while rendering, instead of a blank screen. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  return (
    <EmptyState
      icon={<AlertIcon width={20} height={20} />}
      title="Something went wrong"
      actions={
        <Button variant="primary" onClick={reset}>
          Try again
        </Button>
      }
    >
      <p>This page hit an unexpected error. Trying again usually helps.</p>
      <p className="mt-2 font-mono text-faint text-xs">
        {error instanceof Error ? error.message : String(error)}
      </p>
    </EmptyState>
  );
}
