import type { SaveStatus } from './use-autosaved-task-form';

const TEXT: Record<Exclude<SaveStatus['kind'], 'failed'>, string> = {
  idle: '',
  saving: 'Saving…',
  saved: 'Saved',
  invalid: 'Not saved: fix the marked field',
};

/** Where the panel says whether your edits are safe. */
export function SaveStatusText({ status, conflicted }: { status: SaveStatus; conflicted: boolean }) {
  const text = conflicted
    ? 'Choose which version to keep'
    : status.kind === 'failed'
      ? status.message
      : TEXT[status.kind];
  const problem = conflicted || status.kind === 'failed' || status.kind === 'invalid';
  return (
    <p
      role="status"
      data-testid="save-status"
      className={`text-sm ${problem ? 'text-danger' : 'text-muted'}`}
    >
      {text}
    </p>
  );
}
