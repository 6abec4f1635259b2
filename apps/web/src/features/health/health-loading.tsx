import { Card } from '../../components/card';

const ROWS = ['API', 'Database', 'Version', 'Uptime'];

/** Same shape as the loaded card, so nothing jumps when the answer arrives. */
export function HealthLoading() {
  return (
    <Card aria-busy="true">
      <div className="flex items-center gap-2 border-line border-b px-4 py-3">
        <span className="sr-only" role="status">
          Checking the API and database
        </span>
        <span aria-hidden="true" className="h-5 w-40 rounded-sm bg-subtle motion-safe:animate-pulse" />
      </div>
      <div aria-hidden="true">
        {ROWS.map((label) => (
          <div
            key={label}
            className="flex items-center justify-between border-line border-b px-4 py-2.5 last:border-b-0"
          >
            <span className="text-muted">{label}</span>
            <span className="h-5 w-16 rounded-sm bg-subtle motion-safe:animate-pulse" />
          </div>
        ))}
      </div>
    </Card>
  );
}
