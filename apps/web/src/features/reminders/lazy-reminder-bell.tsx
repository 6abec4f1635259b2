import { lazy, Suspense } from 'react';
import { optionalChunk } from '../../lib/optional-chunk';

// Holds the bell's place while its chunk loads (or if it cannot), so the header does not shift.
function BellPlace(_props: { userId: string }) {
  return <span aria-hidden="true" className="inline-block size-8" />;
}

// The bell polls, announces and registers the service worker: all after the first paint, outside the shell.
const ReminderBell = lazy(
  optionalChunk<{ userId: string }>(
    () => import('./reminder-bell').then((module) => ({ default: module.ReminderBell })),
    BellPlace,
  ),
);

/** The header's reminder bell, loaded right after the app shell. */
export function LazyReminderBell({ userId }: { userId: string }) {
  return (
    <Suspense fallback={<BellPlace userId={userId} />}>
      <ReminderBell userId={userId} />
    </Suspense>
  );
}
