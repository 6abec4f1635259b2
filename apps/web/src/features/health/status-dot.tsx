import type { HealthTone } from './use-health';

const TONES: Record<HealthTone, string> = {
  ok: 'bg-success',
  degraded: 'bg-warning',
  down: 'bg-danger',
  pending: 'bg-faint motion-safe:animate-pulse',
};

export function StatusDot({ tone }: { tone: HealthTone }) {
  return <span aria-hidden="true" className={`inline-block size-2 shrink-0 rounded-full ${TONES[tone]}`} />;
}
