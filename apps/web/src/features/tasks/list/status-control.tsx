import type { TaskStatus } from '@taskapp/shared';

const LABELS: Record<TaskStatus, string> = {
  pending: 'Mark as completed',
  in_progress: 'Mark as completed',
  completed: 'Mark as not completed',
};

function StatusIcon({ status }: { status: TaskStatus }) {
  return (
    <svg viewBox="0 0 20 20" className="size-[18px]" aria-hidden="true" focusable="false">
      {status === 'completed' ? (
        <>
          <circle cx="10" cy="10" r="8.5" className="fill-accent stroke-accent" strokeWidth="1.5" />
          <path
            d="m6.5 10.2 2.4 2.4 4.6-4.8"
            fill="none"
            className="stroke-accent-fg"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </>
      ) : (
        <>
          <circle cx="10" cy="10" r="8" fill="none" className="stroke-current" strokeWidth="1.5" />
          {status === 'in_progress' ? <path d="M10 4.5a5.5 5.5 0 0 1 0 11z" className="fill-accent" /> : null}
        </>
      )}
    </svg>
  );
}

interface StatusControlProps {
  status: TaskStatus;
  title: string;
  disabled?: boolean;
  onToggle: () => void;
}

/** The circle at the start of a row: empty, half (in progress) or checked. A press toggles completion. */
export function StatusControl({ status, title, disabled, onToggle }: StatusControlProps) {
  return (
    <button
      type="button"
      aria-label={`${LABELS[status]}: ${title}`}
      aria-pressed={status === 'completed'}
      disabled={disabled}
      onClick={onToggle}
      className="-m-1.5 flex size-8 shrink-0 items-center justify-center rounded-full text-faint transition-colors hover:text-accent-text disabled:opacity-50 max-sm:-m-3 max-sm:size-11"
    >
      <StatusIcon status={status} />
    </button>
  );
}
