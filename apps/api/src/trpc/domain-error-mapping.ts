import { TRPCError } from '@trpc/server';
import { ZodRealError } from 'zod';
import type { DomainError, DomainErrorKind } from '../domain-error.js';

const CODES: Record<DomainErrorKind, TRPCError['code']> = {
  invalid: 'BAD_REQUEST',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  'not-found': 'NOT_FOUND',
  conflict: 'CONFLICT',
  'rate-limited': 'TOO_MANY_REQUESTS',
};

/**
 * The tRPC error for a domain error. One that names a field also carries it as a zod issue, so the
 * error formatter flattens it into `data.zodError.fieldErrors` like any validation error.
 */
export function toTrpcError(error: DomainError): TRPCError {
  // ZodRealError, not ZodError: only the former is an Error, which tRPC keeps as the cause.
  const cause = error.field
    ? new ZodRealError([{ code: 'custom', path: [error.field], message: error.message, input: undefined }])
    : error;
  return new TRPCError({ code: CODES[error.kind], message: error.message, cause });
}
