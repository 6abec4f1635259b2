import { LIMITS } from '@taskapp/shared/constants';
import { type FormEvent, useState } from 'react';

interface NameFormProps {
  /** The field's accessible name ("New project name", "Rename Garden"). */
  label: string;
  initial?: string;
  placeholder: string;
  busy?: boolean;
  /** Called with the trimmed name when it is new and not empty. */
  onSubmit: (name: string) => void;
  /** Escape, or leaving the field without a change. */
  onCancel: () => void;
}

/** One line in the sidebar: type a name, Enter saves, Escape gives up. */
export function NameForm({ label, initial = '', placeholder, busy, onSubmit, onCancel }: NameFormProps) {
  const [name, setName] = useState(initial);
  const changed = name.trim() !== '' && name.trim() !== initial;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changed) onSubmit(name.trim());
    else onCancel();
  };
  return (
    <form onSubmit={submit} className="flex-1 px-1">
      <input
        // biome-ignore lint/a11y/noAutofocus: the person just asked for this field
        autoFocus
        aria-label={label}
        placeholder={placeholder}
        maxLength={LIMITS.nameMax}
        value={name}
        disabled={busy}
        onChange={(event) => setName(event.target.value)}
        onFocus={(event) => event.target.select()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onCancel();
          }
        }}
        onBlur={() => (changed ? undefined : onCancel())}
        className="h-11 w-full rounded-md border border-line-strong bg-surface px-2.5 text-fg outline-none focus-visible:border-accent md:h-8"
      />
    </form>
  );
}
