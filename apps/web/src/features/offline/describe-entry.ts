import type { OutboxEntry } from '../../lib/offline/outbox/outbox-entry';

const quoted = (title: string | undefined, fallback: string) => (title ? `“${title}”` : fallback);

/** What a waiting write does, in the words of the screen that made it. */
export function describeEntry({ path, title }: OutboxEntry): string {
  const task = quoted(title, 'a task');
  switch (path) {
    case 'task.create':
      return `Add ${task}`;
    case 'task.update':
      return `Change ${task}`;
    case 'task.delete':
      return `Delete ${task}`;
    case 'task.restore':
      return `Bring back ${task}`;
    case 'task.move':
      return `Move ${task}`;
    case 'task.skipOccurrence':
      return `Skip ${task} this time`;
    case 'task.bulkUpdate':
      return `Change ${title ?? 'tasks'}`;
    case 'task.bulkDelete':
      return `Delete ${title ?? 'tasks'}`;
    case 'project.create':
      return `Add project ${quoted(title, '')}`.trim();
    case 'project.update':
      return `Change project ${quoted(title, '')}`.trim();
    case 'project.delete':
      return `Delete project ${quoted(title, '')}`.trim();
    case 'label.create':
      return `Add label ${quoted(title, '')}`.trim();
    case 'label.update':
      return `Change label ${quoted(title, '')}`.trim();
    case 'label.delete':
      return `Delete label ${quoted(title, '')}`.trim();
    default:
      return 'A change';
  }
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The banner's sentence for what waits; null when nothing needs saying. */
export function outboxSummary(
  entries: readonly OutboxEntry[],
  { offline, serverBusy }: { offline: boolean; serverBusy: boolean },
): string | null {
  const choices = entries.filter((entry) => entry.state === 'conflict').length;
  const failed = entries.filter((entry) => entry.state === 'failed').length;
  const waiting = entries.length - choices - failed;
  const head = offline
    ? waiting > 0
      ? `Offline — ${plural(waiting, 'change')} waiting`
      : 'Offline — changes you make are kept here and sent once you’re back'
    : serverBusy && waiting > 0
      ? `${plural(waiting, 'change')} waiting: Taskapp can’t be reached, trying again`
      : null;
  const parts = [
    head,
    choices > 0 ? `${plural(choices, 'change')} ${choices === 1 ? 'needs' : 'need'} your choice` : null,
    failed > 0 ? `${plural(failed, 'change')} couldn’t be saved` : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}
