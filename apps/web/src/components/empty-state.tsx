import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  /** h1 when the empty state is the whole page (404), h2 under a page header. */
  headingLevel?: 1 | 2;
  /** A dashed frame marks a place that content will fill; a whole-page message needs none. */
  framed?: boolean;
}

/** A quiet, centred explanation of why a place is empty and what will fill it. */
export function EmptyState({
  icon,
  title,
  children,
  actions,
  headingLevel = 2,
  framed = true,
}: EmptyStateProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section
      aria-label={title}
      className={`flex flex-col items-center px-6 py-14 text-center ${framed ? 'rounded-lg border border-line border-dashed' : ''}`}
    >
      <div className="mb-4 flex size-10 items-center justify-center rounded-lg bg-accent-soft text-accent-text">
        {icon}
      </div>
      <Heading className="font-semibold text-lg">{title}</Heading>
      <div className="mt-1 max-w-sm text-muted">{children}</div>
      {actions ? <div className="mt-5 flex items-center gap-2">{actions}</div> : null}
    </section>
  );
}
