import { type SyncStatus, useSyncStatus } from '../../lib/sync/sync-status';
import { StatusDot } from '../health/status-dot';
import type { HealthTone } from '../health/use-health';

const SHOWN: Record<Exclude<SyncStatus, 'off'>, { tone: HealthTone; label: string; detail: string }> = {
  connecting: {
    tone: 'pending',
    label: 'Connecting…',
    detail: 'changes from your other devices will show up here',
  },
  live: { tone: 'ok', label: 'Live', detail: 'changes from your other devices show up here as they happen' },
  reconnecting: {
    tone: 'degraded',
    label: 'Reconnecting…',
    detail: 'changes from your other devices will show up once the connection is back',
  },
};

/** A quiet line saying whether changes made elsewhere arrive live; nothing when signed out. */
export function LiveStatus() {
  const status = useSyncStatus();
  if (status === 'off') return null;
  const { tone, label, detail } = SHOWN[status];
  return (
    <p className="flex items-center gap-2 px-2.5 text-faint text-xs">
      <StatusDot tone={tone} />
      <span>{label}</span>
      <span className="sr-only">: {detail}</span>
    </p>
  );
}
