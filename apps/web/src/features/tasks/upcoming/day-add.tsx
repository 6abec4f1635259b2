import { LIMITS } from '@taskapp/shared/constants';
import { Plus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useCreateTask } from '../data/use-task-mutations';

interface DayAddProps {
  /** The calendar day (00:00Z of it): the new task is due that day, all day. */
  day: Date;
  /** "Tuesday, Dec 1", for the button's name. */
  dayName: string;
}

/** "Add task" under a day of Upcoming: what is typed there is due that day. */
export function DayAdd({ day, dayName }: DayAddProps) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const create = useCreateTask();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return setOpen(false);
    create.mutate({ title: trimmed, dueDate: day, allDay: true });
    // The field stays open for the next task of the same day.
    setTitle('');
  };
  if (!open)
    return (
      <button
        type="button"
        aria-label={`Add task on ${dayName}`}
        onClick={() => setOpen(true)}
        className="flex h-11 w-full items-center gap-2 rounded-md px-3 text-faint text-sm hover:bg-subtle hover:text-accent-text sm:h-9"
      >
        <Plus aria-hidden="true" className="size-4" />
        Add task
      </button>
    );
  return (
    <form onSubmit={submit} className="px-1 py-1">
      <input
        // biome-ignore lint/a11y/noAutofocus: the person just asked for this field
        autoFocus
        aria-label={`New task on ${dayName}`}
        placeholder="Task name, then Enter"
        maxLength={LIMITS.titleMax}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            setOpen(false);
          }
        }}
        onBlur={() => (title.trim() ? undefined : setOpen(false))}
        className="h-11 w-full rounded-md border border-line-strong bg-surface px-3 text-fg outline-none focus-visible:border-accent sm:h-9"
      />
    </form>
  );
}
