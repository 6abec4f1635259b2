import { LIMITS } from '@taskapp/shared';
import { AlertCircle, CalendarDays, Flag, Plus } from 'lucide-react';
import { type FormEvent, type RefObject, useMemo, useRef, useState } from 'react';
import { Kbd } from '../../../components/kbd';
import { errorMessage } from '../../../lib/trpc-errors';
import { useDaySettings } from '../../account/use-settings';
import { useUser } from '../../auth/use-auth';
import { useCreateTask } from '../data/use-task-mutations';
import { dueLabel } from '../list/due-label';
import { PRIORITY_LABELS } from '../task-labels';
import { parseQuickAdd } from './parse-quick-add';
import { readQuickAddDraft, saveQuickAddDraft } from './quick-add-draft';
import { showsTitleCounter, titleProblem } from './quick-add-title';

function Chip({ children }: { children: React.ReactNode }) {
  return (
    <span className="inline-flex h-6 items-center gap-1 rounded-md bg-accent-soft px-2 text-accent-text text-xs">
      {children}
    </span>
  );
}

/** One line that understands "Pay rent tomorrow 9am !high" and shows what it understood before Enter. */
export function QuickAdd({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const userId = useUser()?.id ?? '';
  const [text, setTextState] = useState(() => readQuickAddDraft(userId));
  // What the field holds right now, for a server answer that arrives after more typing.
  const current = useRef(text);
  const setText = (next: string) => {
    current.current = next;
    setTextState(next);
  };
  const [refusal, setRefusal] = useState<string | null>(null);
  const create = useCreateTask();
  const { timeZone, weekStart } = useDaySettings();
  const draft = useMemo(
    () => parseQuickAdd(text, new Date(), { timeZone, weekStart }),
    [text, timeZone, weekStart],
  );
  const showHint = text.trim() !== '' && draft.title === '';
  const problem = titleProblem(draft.title);
  const error = problem ?? refusal;

  const type = (next: string) => {
    setText(next);
    setRefusal(null);
    saveQuickAddDraft(userId, next);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.title || problem) return;
    const sent = text;
    const { title } = draft;
    // The row appears at once, so the field clears at once; the stored draft keeps the text until the
    // server accepts it, and a refusal puts it back in the field.
    setText('');
    setRefusal(null);
    create
      .mutateAsync({
        title,
        ...(draft.dueDate ? { dueDate: draft.dueDate, allDay: draft.allDay } : {}),
        ...(draft.priority ? { priority: draft.priority } : {}),
      })
      .then(
        () => {
          if (readQuickAddDraft(userId) === sent) saveQuickAddDraft(userId, '');
        },
        (failure: unknown) => {
          if (readQuickAddDraft(userId) === '') saveQuickAddDraft(userId, sent);
          // Put back unless something new was typed meanwhile; then at least say which task failed.
          const putBack = current.current === '';
          if (putBack) setText(sent);
          setRefusal(putBack ? errorMessage(failure) : `“${title}” was not added: ${errorMessage(failure)}`);
        },
      );
  };

  const counter = showsTitleCounter(draft.title);

  return (
    <form onSubmit={onSubmit} className="mb-2" aria-label="Quick add">
      <div
        className={`flex items-center gap-2 rounded-lg border bg-surface px-3 shadow-sm ${error ? 'border-danger' : 'border-line-strong focus-within:border-accent'}`}
      >
        <Plus aria-hidden="true" className="size-4 shrink-0 text-faint" />
        <label htmlFor="quick-add" className="sr-only">
          New task
        </label>
        <input
          id="quick-add"
          ref={inputRef}
          value={text}
          onChange={(event) => type(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') event.currentTarget.blur();
          }}
          placeholder="Add a task — try “Pay rent tomorrow 9am !high”"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={`quick-add-preview${error ? ' quick-add-error' : ''}${counter ? ' quick-add-counter' : ''}`}
          className="h-10 min-w-0 flex-1 bg-transparent text-base outline-none placeholder:text-faint"
        />
        {counter ? (
          <span
            id="quick-add-counter"
            data-testid="quick-add-counter"
            className={`shrink-0 text-xs tabular-nums ${problem ? 'text-danger' : 'text-muted'}`}
          >
            {draft.title.length}/{LIMITS.titleMax}
          </span>
        ) : null}
        <span className="hidden text-faint sm:inline" aria-hidden="true">
          <Kbd>N</Kbd>
        </span>
      </div>
      <div id="quick-add-error" aria-live="polite" className="empty:hidden">
        {error ? (
          <p className="mt-1.5 flex items-start gap-1.5 text-danger text-sm">
            <AlertCircle aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
            {error}
          </p>
        ) : null}
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
            {dueLabel(draft.dueDate, { allDay: draft.allDay, timeZone }).text}
          </Chip>
        ) : null}
        {draft.priority ? (
          <Chip>
            <Flag aria-hidden="true" className="size-3.5" />
            {PRIORITY_LABELS[draft.priority]} priority
          </Chip>
        ) : null}
        {showHint ? <span className="text-muted text-xs">Add a few words for the title.</span> : null}
        {text && !showHint && !error ? <span className="text-faint text-xs">Press Enter to add</span> : null}
      </div>
    </form>
  );
}
