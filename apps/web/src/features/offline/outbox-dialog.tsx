import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { keepMinePatch, mineOf } from '../../lib/offline/outbox/keep-mine';
import { discardEntry, keepMine } from '../../lib/offline/outbox/outbox';
import type { OutboxEntry } from '../../lib/offline/outbox/outbox-entry';
import { setOutboxView, useOutboxStatus, useOutboxView } from '../../lib/offline/outbox/outbox-status';
import { useDaySettings } from '../account/use-settings';
import { useProjectsById } from '../projects/use-projects';
import { FIELD_NAMES, fieldText } from '../tasks/edit/field-text';
import { describeEntry } from './describe-entry';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function ConflictChoice({ entry }: { entry: OutboxEntry }) {
  const { timeZone } = useDaySettings();
  const projects = useProjectsById();
  const projectName = (id: string) => projects.get(id)?.name;
  const mine = mineOf(entry);
  const conflict = entry.conflict;
  if (!mine || !conflict) return null;
  return (
    <div className="mt-2 space-y-2">
      <p className="text-sm">Also changed on another device:</p>
      <dl className="space-y-1 text-sm">
        {conflict.fields.map((field) => (
          <div key={field}>
            <dt className="font-medium">{FIELD_NAMES[field]}</dt>
            <dd className="text-muted">
              Yours: <span className="text-fg">{fieldText(field, mine, timeZone, projectName)}</span> ·
              Theirs:{' '}
              <span className="text-fg">{fieldText(field, conflict.theirs, timeZone, projectName)}</span>
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex gap-2">
        <Button size="sm" variant="primary" onClick={() => void keepMine(entry.key, keepMinePatch(entry))}>
          Keep mine
        </Button>
        <Button size="sm" onClick={() => void discardEntry(entry.key)}>
          Keep theirs
        </Button>
      </div>
    </div>
  );
}

function EntryRow({ entry }: { entry: OutboxEntry }) {
  const state =
    entry.state === 'failed'
      ? `Couldn’t be saved: ${entry.problem ?? 'the server refused it'}`
      : entry.state === 'conflict'
        ? 'Needs your choice'
        : 'Waiting to be sent';
  return (
    <li className="border-line border-b py-3 last:border-b-0" data-testid="outbox-entry">
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="wrap-anywhere font-medium">{describeEntry(entry)}</p>
          <p className={`text-sm ${entry.state === 'waiting' ? 'text-muted' : 'text-danger'}`}>
            {state} · made {time.format(entry.queuedAt)}
          </p>
        </div>
        {entry.state === 'conflict' ? null : (
          <Button size="sm" variant="ghost" onClick={() => void discardEntry(entry.key)}>
            Discard
          </Button>
        )}
      </div>
      {entry.state === 'conflict' ? <ConflictChoice entry={entry} /> : null}
    </li>
  );
}

/** The changes made on this device that the server does not have yet, oldest first. */
export function OutboxDialog() {
  const open = useOutboxView();
  const { entries } = useOutboxStatus();
  return (
    <Dialog
      open={open}
      onOpenChange={setOutboxView}
      title="Waiting changes"
      description={
        entries.length === 0
          ? 'Everything is saved.'
          : 'Made on this device and sent in this order once Taskapp can be reached. Discarding one puts back what the server has.'
      }
    >
      {entries.length > 0 ? (
        <ul className="-my-3">
          {entries.map((entry) => (
            <EntryRow key={entry.key} entry={entry} />
          ))}
        </ul>
      ) : null}
      <div className="mt-4 flex justify-end">
        <Button onClick={() => setOutboxView(false)}>Close</Button>
      </div>
    </Dialog>
  );
}
