import { CloudOff, TriangleAlert } from 'lucide-react';
import { Button } from '../../components/button';
import { openOutboxView, useOutboxStatus } from '../../lib/offline/outbox/outbox-status';
import { outboxSummary } from './describe-entry';
import { useOnline } from './use-online';

/**
 * Above every task place: offline, how many changes wait on this device; online, only what needs the
 * person (a conflict to choose, a change the server refused). Review opens the list of waiting changes.
 */
export function OutboxBanner() {
  const { entries, blocked } = useOutboxStatus();
  const online = useOnline();
  const summary = outboxSummary(entries, {
    offline: !online,
    serverBusy: blocked === 'server' || blocked === 'network',
  });
  if (!summary) return null;
  const needsChoice = entries.some((entry) => entry.state !== 'waiting');
  const Icon = needsChoice ? TriangleAlert : CloudOff;
  return (
    <div
      role="status"
      data-testid="outbox-banner"
      className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-line bg-subtle px-3 py-2 text-sm"
    >
      <Icon aria-hidden="true" className={`size-4 shrink-0 ${needsChoice ? 'text-warning' : 'text-muted'}`} />
      <p className="min-w-0 flex-1">{summary}</p>
      {entries.length > 0 ? (
        <Button size="sm" variant="ghost" onClick={openOutboxView}>
          Review
        </Button>
      ) : null}
    </div>
  );
}
