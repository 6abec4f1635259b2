import { Plus } from 'lucide-react';
import { useId, useState } from 'react';
import { INPUT_CLASSES } from '../../../components/field';
import type { Task } from '../../../lib/api-types';
import { errorMessage } from '../../../lib/trpc-errors';
import { useAddSubtask } from './use-add-subtask';

/**
 * "Add subtask": a button that opens a one-line field. Enter adds and keeps the field open for the next
 * one; Esc closes it. A refusal keeps the text and shows the server's reason under it.
 */
export function AddSubtask({ parent }: { parent: Task }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useAddSubtask(parent);
  const errorId = useId();

  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="flex h-9 items-center gap-2 rounded-md px-2 text-muted text-sm hover:bg-subtle hover:text-fg"
      >
        <Plus aria-hidden="true" className="size-4" />
        Add subtask
      </button>
    );

  const submit = () => {
    const typed = title.trim();
    if (!typed) return;
    setError(null);
    setTitle('');
    // Per call (mutate's own callbacks fire for the latest call only): nothing typed is lost, the refused
    // title comes back unless something new was typed meanwhile.
    add.mutateAsync(typed).catch((failure: unknown) => {
      setTitle((current) => current || typed);
      setError(errorMessage(failure));
    });
  };

  return (
    <div className="flex flex-col gap-1 py-1">
      <input
        // biome-ignore lint/a11y/noAutofocus: the field opens because the person asked for it
        autoFocus
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.metaKey && !event.ctrlKey) {
            // Inside the edit panel's form: Enter adds the subtask, it does not close the panel.
            event.preventDefault();
            submit();
          } else if (event.key === 'Escape') {
            // Closes the field only, not the panel around it.
            event.stopPropagation();
            event.preventDefault();
            setOpen(false);
            setError(null);
          }
        }}
        // The edit panel leaves this Esc to the field (see TaskPanel).
        data-own-escape=""
        aria-label={`New subtask of ${parent.title}`}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        placeholder="Subtask title, Enter to add, Esc to close"
        autoComplete="off"
        className={`${INPUT_CLASSES} h-9`}
      />
      {error ? (
        <p id={errorId} role="alert" className="text-danger text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}
