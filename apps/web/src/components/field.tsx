import { AlertCircle } from 'lucide-react';
import { type ReactNode, useId } from 'react';

/** What a field hands its control so label, hint and error are wired up for assistive technology. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** Beside the label, right-aligned: "Forgot password?" and the like. */
  labelAside?: ReactNode;
  children: (control: FieldControlProps) => ReactNode;
}

export const INPUT_CLASSES =
  'h-9 w-full min-w-0 rounded-md border border-line-strong bg-surface px-2.5 text-base text-fg ' +
  'placeholder:text-faint transition-colors hover:border-faint ' +
  'focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0 ' +
  'aria-invalid:border-danger aria-invalid:focus-visible:outline-danger';

/** Label, control, error and hint of one form field. The error region is live, so it is announced. */
export function Field({ label, error, hint, labelAside, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="font-medium text-sm">
          {label}
        </label>
        {labelAside}
      </div>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      <div id={errorId} aria-live="polite" className="empty:hidden">
        {error ? (
          <p className="flex items-start gap-1.5 text-danger text-sm">
            <AlertCircle aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
            {error}
          </p>
        ) : null}
      </div>
      {hint ? (
        <div id={hintId} className="text-muted text-sm">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
