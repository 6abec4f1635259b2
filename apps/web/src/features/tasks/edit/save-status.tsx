import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { SaveStatus } from './use-autosaved-task-form';

const isOnline = () => onlineManager.isOnline();
const subscribeOnline = (listener: () => void) => onlineManager.subscribe(listener);

const TEXT: Record<Exclude<SaveStatus['kind'], 'failed'>, string> = {
  idle: '',
  saving: 'Saving…',
  saved: 'Saved',
  invalid: 'Not saved: fix the marked field',
};

/** Where the panel says whether your edits are safe. */
export function SaveStatusText({ status, conflicted }: { status: SaveStatus; conflicted: boolean }) {
  const online = useSyncExternalStore(subscribeOnline, isOnline, () => true);
  const text = conflicted
    ? 'Choose which version to keep'
    : status.kind === 'failed'
      ? status.message
      : (status.kind === 'saving' || status.kind === 'saved') && !online
        ? 'Offline — kept on this device, sent when you’re back online'
        : TEXT[status.kind];
  const problem = conflicted || status.kind === 'failed' || status.kind === 'invalid';
  return (
    <p
      role="status"
      data-testid="save-status"
      className={`min-h-5 text-sm ${problem ? 'text-danger' : 'text-muted'}`}
    >
      {text}
    </p>
  );
}
