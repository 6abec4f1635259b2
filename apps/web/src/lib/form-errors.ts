import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { errorMessage, serverFieldErrors } from './trpc-errors';

/**
 * Puts the server's field messages (zod's and server-only ones such as "email taken") next to the
 * matching fields, focusing the first. Returns what is left for an alert above the form, if anything.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | null {
  const messages = serverFieldErrors(error);
  let placed = false;
  for (const field of fields) {
    const message = messages[field];
    if (!message) continue;
    setError(field, { type: 'server', message }, { shouldFocus: !placed });
    placed = true;
  }
  return placed ? null : errorMessage(error);
}
