import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { isClientError } from './query-client';
import { errorCode, httpStatus } from './trpc-errors';

function serverError(code: string, status: number) {
  return TRPCClientError.from({ error: { code: -32600, message: code, data: { code, httpStatus: status } } });
}

describe('reading a tRPC error', () => {
  it('reads the code and HTTP status of a server answer', () => {
    const error = serverError('UNAUTHORIZED', 401);
    expect(errorCode(error)).toBe('UNAUTHORIZED');
    expect(httpStatus(error)).toBe(401);
  });

  it('finds neither when the server did not answer', () => {
    const error = new TypeError('Failed to fetch');
    expect(errorCode(error)).toBeUndefined();
    expect(httpStatus(error)).toBeUndefined();
  });

  it('treats only 4xx answers as not worth retrying', () => {
    expect(isClientError(serverError('NOT_FOUND', 404))).toBe(true);
    expect(isClientError(serverError('INTERNAL_SERVER_ERROR', 500))).toBe(false);
    expect(isClientError(new TypeError('Failed to fetch'))).toBe(false);
  });
});
