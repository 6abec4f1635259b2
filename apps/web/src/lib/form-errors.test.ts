import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { applyServerErrors } from './form-errors';
import { errorMessage } from './trpc-errors';

function serverError(code: string, message: string, fieldErrors: Record<string, string[]> | null) {
  return TRPCClientError.from({
    error: {
      code: -32600,
      message,
      data: { code, httpStatus: 400, zodError: fieldErrors ? { formErrors: [], fieldErrors } : null },
    },
  });
}

describe('applyServerErrors', () => {
  it('puts field messages next to their fields and focuses the first', () => {
    const setError = vi.fn();
    const error = serverError('CONFLICT', 'taken', { email: ['An account with this email already exists.'] });
    expect(applyServerErrors(error, setError, ['name', 'email'])).toBeNull();
    expect(setError).toHaveBeenCalledExactlyOnceWith(
      'email',
      { type: 'server', message: 'An account with this email already exists.' },
      { shouldFocus: true },
    );
  });

  it('leaves a message without a matching field for the alert above the form', () => {
    const setError = vi.fn();
    const error = serverError('UNAUTHORIZED', 'Email or password is incorrect.', null);
    expect(applyServerErrors(error, setError, ['email', 'password'])).toBe('Email or password is incorrect.');
    expect(setError).not.toHaveBeenCalled();
  });

  it('never shows zod’s raw JSON message', () => {
    const error = serverError('BAD_REQUEST', '[{"code":"custom"}]', { token: ['The link is not valid'] });
    expect(errorMessage(error)).toBe('The link is not valid');
  });

  it('explains a network failure in words', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toMatch(/Can’t reach Taskapp/);
  });
});
