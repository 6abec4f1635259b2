import { CalendarDays, Flag, Plus } from 'lucide-react';
import { type FormEvent, type RefObject, useMemo, useState } from 'react';
import { Kbd } from '../../../components/kbd';
import { useCreateTask } from '../data/use-task-mutations';
import { dueLabel } from '../list/due-label';
import { PRIORITY_LABELS } from '../task-labels';
import { parseQuickAdd } from './parse-quick-add';

function Chip({ children }: { children: React.ReactNode }) {
  return (
    <span className="inline-flex h-6 items-center gap-1 rounded-md bg-accent-soft px-2 text-accent-text text-xs">
      {children}
    </span>
  );
}

/** One line that understands "Pay rent tomorrow 9am !high" and shows what it understood before Enter. */
export function QuickAdd({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const [text, setText] = useState('');
  const create = useCreateTask();
  const draft = useMemo(() => parseQuickAdd(text), [text]);
  const showHint = text.trim() !== '' && draft.title === '';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.title) return;
    create.mutate({
      title: draft.title,
      ...(draft.dueDate ? { dueDate: draft.dueDate } : {}),
      ...(draft.priority ? { priority: draft.priority } : {}),
    });
    // Cleared at once: the task is already in the list, and a refusal comes back as a toast.
    setText('');
  };

  return (
    <form onSubmit={onSubmit} className="mb-2" aria-label="Quick add">
      <div className="flex items-center gap-2 rounded-lg border border-line-strong bg-surface px-3 shadow-sm focus-within:border-accent">
        <Plus aria-hidden="true" className="size-4 shrink-0 text-faint" />
        <label htmlFor="quick-add" className="sr-only">
          New task
        </label>
        <input
          id="quick-add"
          ref={inputRef}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') event.currentTarget.blur();
          }}
          placeholder="Add a task — try “Pay rent tomorrow 9am !high”"
          autoComplete="off"
          aria-describedby="quick-add-preview"
          className="h-10 min-w-0 flex-1 bg-transparent text-base outline-none placeholder:text-faint"
        />
        <span className="hidden text-faint sm:inline" aria-hidden="true">
          <Kbd>N</Kbd>
        </span>
      </div>
      <div
        id="quick-add-preview"
        aria-live="polite"
        className="mt-2 flex min-h-6 flex-wrap items-center gap-1.5"
      >
        {draft.dueDate ? (
          <Chip>
            <CalendarDays aria-hidden="true" className="size-3.5" />
            <span className="sr-only">Due </span>
            {dueLabel(draft.dueDate).text}
          </Chip>
        ) : null}
        {draft.priority ? (
          <Chip>
            <Flag aria-hidden="true" className="size-3.5" />
            {PRIORITY_LABELS[draft.priority]} priority
          </Chip>
        ) : null}
        {showHint ? <span className="text-muted text-xs">Add a few words for the title.</span> : null}
        {text && !showHint ? <span className="text-faint text-xs">Press Enter to add</span> : null}
      </div>
    </form>
  );
}
