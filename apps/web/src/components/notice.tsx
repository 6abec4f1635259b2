import { CheckCircle2, Info } from 'lucide-react';
import type { ReactNode } from 'react';

interface NoticeProps {
  tone?: 'info' | 'success';
  children: ReactNode;
}

/** A calm, persistent message about something that already happened (not an error). */
export function Notice({ tone = 'info', children }: NoticeProps) {
  const Icon = tone === 'success' ? CheckCircle2 : Info;
  return (
    <div
      role="status"
      className="flex items-start gap-2 rounded-md border border-line bg-subtle px-3 py-2 text-fg text-sm"
    >
      <Icon
        aria-hidden="true"
        className={`mt-0.5 size-4 shrink-0 ${tone === 'success' ? 'text-success' : 'text-accent-text'}`}
      />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
