import { Link } from '@tanstack/react-router';
import { StatusDot } from './status-dot';
import { type HealthTone, healthTone, useBrowserOnline, useHealth } from './use-health';

const LABELS: Record<HealthTone, string> = {
  ok: 'Online',
  degraded: 'Degraded',
  down: 'Offline — changes will sync',
  pending: 'Checking',
};

/** A small, always-visible hint of API health that leads to the full status page. */
export function HealthIndicator() {
  const tone = healthTone(useHealth({ afterFirstScreen: true }), useBrowserOnline());
  return (
    <Link
      to="/status"
      aria-label={`API status: ${LABELS[tone].toLowerCase()}. Open the status page.`}
      className="inline-flex h-7 items-center gap-2 rounded-md px-2 text-muted text-sm transition-colors hover:bg-subtle hover:text-fg"
    >
      <StatusDot tone={tone} />
      <span className="hidden sm:inline">{LABELS[tone]}</span>
    </Link>
  );
}
