import { AtSign, CalendarDays, Flag, Hash } from 'lucide-react';
import { Button } from '../../../components/button';
import { dueLabel } from '../list/due-label';
import { PRIORITY_LABELS } from '../task-labels';
import type { QuickAddDraft } from './parse-quick-add';
import { describeNewNames, type NewName } from './quick-add-new-names';
import { QuickAddRepeatChip } from './quick-add-repeat-chip';

function Chip({ children }: { children: React.ReactNode }) {
  return (
    <span className="inline-flex h-6 items-center gap-1 rounded-md bg-accent-soft px-2 text-accent-text text-xs">
      {children}
    </span>
  );
}

const NEW = <span className="opacity-80">(new)</span>;

/** Chips for what quick add understood, read out politely as they change. */
export function QuickAddPreview({
  draft,
  timeZone,
  titleHint,
  enterHint,
}: {
  draft: QuickAddDraft;
  timeZone: string;
  titleHint: boolean;
  enterHint: boolean;
}) {
  return (
    <div
      id="quick-add-preview"
      aria-live="polite"
      className="mt-2 flex min-h-6 flex-wrap items-center gap-1.5"
    >
      {draft.dueDate ? (
        <Chip>
          <CalendarDays aria-hidden="true" className="size-3.5" />
          <span className="sr-only">Due </span>
          {dueLabel(draft.dueDate, { allDay: draft.allDay, timeZone }).text}
        </Chip>
      ) : null}
      {draft.recurrence && draft.dueDate ? (
        <QuickAddRepeatChip
          recurrence={draft.recurrence}
          dueDate={draft.dueDate}
          allDay={draft.allDay}
          timeZone={timeZone}
        />
      ) : null}
      {draft.priority ? (
        <Chip>
          <Flag aria-hidden="true" className="size-3.5" />
          {PRIORITY_LABELS[draft.priority]} priority
        </Chip>
      ) : null}
      {draft.project ? (
        <Chip>
          <Hash aria-hidden="true" className="size-3.5" />
          <span className="sr-only">Project </span>
          {draft.project.name}
          {draft.project.id === null ? NEW : null}
        </Chip>
      ) : null}
      {draft.labels.map((label) => (
        <Chip key={label.name}>
          <AtSign aria-hidden="true" className="size-3.5" />
          <span className="sr-only">Label </span>
          {label.name}
          {label.id === null ? NEW : null}
        </Chip>
      ))}
      {titleHint ? <span className="text-muted text-xs">Add a few words for the title.</span> : null}
      {enterHint ? <span className="text-faint text-xs">Press Enter to add</span> : null}
    </div>
  );
}

/** Asks before quick add creates a project or label from a name nobody has used yet. */
export function QuickAddConfirm({ names, onCancel }: { names: NewName[]; onCancel: () => void }) {
  return (
    <div
      role="alert"
      data-testid="quick-add-confirm"
      className="mt-2 flex flex-wrap items-center gap-2 rounded-lg border border-line bg-subtle px-3 py-2 text-sm"
    >
      <span className="mr-auto">
        Create {describeNewNames(names)}?{' '}
        <span className="text-muted">Press Enter again to create and add.</span>
      </span>
      <Button type="submit" size="sm">
        Create and add
      </Button>
      <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
