import { LoaderCircle } from 'lucide-react';

/** Shown only if a page's code takes more than a moment to arrive (slow networks). */
export function RoutePending() {
  return (
    <div role="status" className="flex items-center justify-center gap-2 py-16 text-muted">
      <LoaderCircle aria-hidden="true" className="size-4 motion-safe:animate-spin" />
      Loading…
    </div>
  );
}
