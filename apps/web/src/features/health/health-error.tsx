import { CircleAlert, RotateCw } from 'lucide-react';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { Kbd } from '../../components/kbd';

interface HealthErrorProps {
  message: string;
  retrying: boolean;
  onRetry: () => void;
}

export function HealthError({ message, retrying, onRetry }: HealthErrorProps) {
  return (
    <Card role="alert" className="flex flex-col items-center px-6 py-10 text-center">
      <div className="mb-3 flex size-10 items-center justify-center rounded-lg bg-subtle text-danger">
        <CircleAlert aria-hidden="true" className="size-5" />
      </div>
      <h2 className="font-semibold text-lg">Can’t reach the API</h2>
      <p className="mt-1 max-w-sm text-muted">
        The server didn’t answer. Check that it’s running, then try again.
      </p>
      <p className="mt-2 max-w-sm break-words font-mono text-faint text-xs">{message}</p>
      <Button variant="primary" className="mt-5" onClick={onRetry} disabled={retrying}>
        <RotateCw aria-hidden="true" className={`size-4 ${retrying ? 'motion-safe:animate-spin' : ''}`} />
        {retrying ? 'Retrying' : 'Retry'}
        <Kbd>R</Kbd>
      </Button>
    </Card>
  );
}
