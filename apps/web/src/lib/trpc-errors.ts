import { TRPCClientError } from '@trpc/client';

interface ErrorData {
  code?: string;
  httpStatus?: number;
  zodError?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } | null;
}

const UNREACHABLE = 'Can’t reach Taskapp right now. Check your connection and try again.';

function dataOf(error: unknown): ErrorData | undefined {
  return error instanceof TRPCClientError ? (error.data as ErrorData | undefined) : undefined;
}

/** The tRPC error code ('UNAUTHORIZED', 'NOT_FOUND', …) of a server's answer; undefined for anything else. */
export function errorCode(error: unknown): string | undefined {
  return dataOf(error)?.code;
}

/** The HTTP status the server answered with; undefined when it did not answer (offline, aborted). */
export function httpStatus(error: unknown): number | undefined {
  return dataOf(error)?.httpStatus;
}

/** Field messages from the server, keyed by input field: zod's own and server-only ones alike. */
export function serverFieldErrors(error: unknown): Record<string, string | undefined> {
  const fieldErrors = dataOf(error)?.zodError?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages?.[0]]));
}

/** A sentence a person can act on, for a toast or an alert above a form. */
export function errorMessage(error: unknown): string {
  const data = dataOf(error);
  if (!data?.code) return UNREACHABLE;
  const zod = data.zodError;
  if (zod) {
    // A zod failure's own message is a JSON dump of issues; show the first readable one instead.
    const first =
      zod.formErrors?.[0] ?? Object.values(zod.fieldErrors ?? {}).find((list) => list?.length)?.[0];
    if (first) return first;
  }
  return error instanceof Error && error.message ? error.message : UNREACHABLE;
}
