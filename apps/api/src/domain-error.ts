/**
 * What domain code throws when a request cannot be served. Domains know nothing of tRPC; the tRPC edge
 * (trpc/domain-error-mapping.ts) turns each kind into its error code.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** The input field the message belongs under, so a form can show it there. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (message: string, field?: string) => new DomainError('invalid', message, field);
export const unauthorized = (message: string) => new DomainError('unauthorized', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const notFound = (message: string) => new DomainError('not-found', message);
export const conflict = (message: string, field?: string) => new DomainError('conflict', message, field);
export const rateLimited = (message: string) => new DomainError('rate-limited', message);
