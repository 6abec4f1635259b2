import type { TRPCError } from '@trpc/server';
import type { DefaultErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { ZodError, z } from 'zod';

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Please try again.';

/**
 * Never lets a stack, SQL or file path reach a client, whatever NODE_ENV is; validation errors carry
 * zod's flattened issues so forms can show them next to the right field.
 */
export function formatError({ shape, error }: { shape: DefaultErrorShape; error: TRPCError }) {
  const { stack: _stack, ...data } = shape.data;
  const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
  const isInternal = error.code === 'INTERNAL_SERVER_ERROR';
  return {
    ...shape,
    message: isInternal ? INTERNAL_ERROR_MESSAGE : shape.message,
    data: { ...data, zodError },
  };
}
