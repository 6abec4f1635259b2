import type { TRPCError } from '@trpc/server';
import type { DefaultErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { ZodError, z } from 'zod';

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Please try again.';
const UNREADABLE_JSON_MESSAGE = 'The input could not be read as JSON.';

/**
 * Never lets a stack, SQL or file path reach a client, whatever NODE_ENV is; validation errors carry
 * zod's flattened issues so forms can show them next to the right field.
 */
export function formatError({ shape, error }: { shape: DefaultErrorShape; error: TRPCError }) {
  const { stack: _stack, ...data } = shape.data;
  const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
  const isInternal = error.code === 'INTERNAL_SERVER_ERROR';
  // tRPC parses a GET's `input` itself and would pass on the parser's own words.
  const isUnreadableJson = error.code === 'BAD_REQUEST' && error.cause instanceof SyntaxError;
  return {
    ...shape,
    message: isInternal ? INTERNAL_ERROR_MESSAGE : isUnreadableJson ? UNREADABLE_JSON_MESSAGE : shape.message,
    data: { ...data, zodError },
  };
}
