import { TRPCError } from '@trpc/server';
import type { DefaultErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatError, INTERNAL_ERROR_MESSAGE } from '../src/trpc/error-formatter.js';

const shapeOf = (error: TRPCError): DefaultErrorShape => ({
  message: error.message,
  code: -32_603,
  data: {
    code: error.code,
    httpStatus: 500,
    path: 'x.y',
    stack: error.stack ?? 'at somewhere (/app/x.ts:1:1)',
  },
});

describe('formatError', () => {
  it('never includes a stack trace, whatever NODE_ENV is', () => {
    const error = new TRPCError({ code: 'BAD_REQUEST', message: 'nope' });
    const formatted = formatError({ shape: shapeOf(error), error });
    expect(JSON.stringify(formatted)).not.toContain('stack');
    expect(formatted.message).toBe('nope');
  });

  it('replaces internal error messages, which may hold SQL or paths', () => {
    const error = new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'insert into "tasks" ... violates constraint at /work/main/apps/api/src/x.ts',
    });
    const formatted = formatError({ shape: shapeOf(error), error });
    expect(formatted.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(JSON.stringify(formatted)).not.toMatch(/insert into|\/work\//);
  });

  it('flattens zod issues for forms', () => {
    const cause = z.object({ title: z.string().min(1) }).safeParse({ title: '' }).error;
    const error = new TRPCError({ code: 'BAD_REQUEST', cause });
    const formatted = formatError({ shape: shapeOf(error), error });
    expect(formatted.data.zodError?.fieldErrors).toHaveProperty('title');
  });
});
