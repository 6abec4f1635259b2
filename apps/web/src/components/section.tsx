import type { ReactNode } from 'react';
import { Card } from './card';

interface SectionProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  tone?: 'default' | 'danger';
}

/** One titled card on a settings-like page; the heading names the region for screen readers. */
export function Section({ title, description, actions, children, tone = 'default' }: SectionProps) {
  const headingId = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Card
      role="region"
      aria-labelledby={headingId}
      className={tone === 'danger' ? 'border-danger/40' : undefined}
    >
      <div className="flex flex-wrap items-start justify-between gap-3 border-line border-b px-4 py-3">
        <div className="min-w-0">
          <h2 id={headingId} className="font-semibold">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-muted text-sm">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
      </div>
      <div className="px-4 py-4">{children}</div>
    </Card>
  );
}
