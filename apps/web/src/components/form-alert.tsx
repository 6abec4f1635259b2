import { AlertCircle } from 'lucide-react';
import type { ReactNode } from 'react';

/** A problem with the whole form (wrong password, rate limit, server down), announced when it appears. */
export function FormAlert({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div
      role="alert"
      className="flex items-start gap-2 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-fg text-sm"
    >
      <AlertCircle aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-danger" />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
