import type { HealthStatus } from '@taskapp/shared';
import type { ReactNode } from 'react';
import { Card } from '../../components/card';
import { formatUptime } from './format-uptime';
import { StatusDot } from './status-dot';

interface HealthDetailsProps {
  health: HealthStatus;
  checkedAt: number;
}

function Row({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-4 border-line border-b px-4 py-2.5 last:border-b-0">
      <dt className="text-muted">{label}</dt>
      <dd data-testid={testId} className="flex items-center gap-2 font-medium">
        {children}
      </dd>
    </div>
  );
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export function HealthDetails({ health, checkedAt }: HealthDetailsProps) {
  const databaseUp = health.database === 'up';
  return (
    <Card>
      <div className="flex items-center justify-between gap-4 border-line border-b px-4 py-3">
        <p aria-live="polite" className="flex items-center gap-2 font-medium">
          <StatusDot tone={health.status === 'ok' ? 'ok' : 'degraded'} />
          {health.status === 'ok' ? 'All systems normal' : 'The database is unavailable'}
        </p>
        <p className="text-faint text-sm">
          Checked at <time dateTime={new Date(checkedAt).toISOString()}>{timeFormat.format(checkedAt)}</time>
        </p>
      </div>
      <dl>
        <Row label="API" testId="health-api">
          <StatusDot tone="ok" />
          Up
        </Row>
        <Row label="Database" testId="health-database">
          <StatusDot tone={databaseUp ? 'ok' : 'down'} />
          {databaseUp ? 'Up' : 'Down'}
        </Row>
        <Row label="Version" testId="health-version">
          <span className="font-mono text-sm">{health.version}</span>
        </Row>
        <Row label="Uptime" testId="health-uptime">
          {formatUptime(health.uptimeSeconds)}
        </Row>
      </dl>
    </Card>
  );
}
