import type { ErrorComponentProps } from '@tanstack/react-router';
import { CircleAlert } from 'lucide-react';
import { Button } from '../components/button';
import { EmptyState } from '../components/empty-state';

/** Shown when a page throws while rendering, instead of a blank screen. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  return (
    <EmptyState
      icon={<CircleAlert aria-hidden="true" className="size-5" />}
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
