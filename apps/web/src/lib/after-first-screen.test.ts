import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstScreen } from './after-first-screen';
import type { AuthState } from './auth-store';

describe('afterFirstScreen', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits while the session is restoring and while the screen’s queries load', () => {
    let status: AuthState['status'] = 'restoring';
    let fetching = 0;
    const work = vi.fn();
    afterFirstScreen(work, { authStatus: () => status, fetching: () => fetching });
    vi.advanceTimersByTime(1_000);
    expect(work).not.toHaveBeenCalled();

    status = 'signed-in';
    fetching = 2;
    vi.advanceTimersByTime(1_000);
    expect(work).not.toHaveBeenCalled();

    fetching = 0;
    vi.advanceTimersByTime(1_000);
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs at once for a signed-out page with nothing loading', () => {
    const work = vi.fn();
    afterFirstScreen(work, { authStatus: () => 'signed-out', fetching: () => 0 });
    vi.advanceTimersByTime(10);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('stops waiting after 15 s, so a query that never settles cannot keep it from running', () => {
    const work = vi.fn();
    afterFirstScreen(work, { authStatus: () => 'signed-in', fetching: () => 1 });
    vi.advanceTimersByTime(14_000);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2_000);
    expect(work).toHaveBeenCalledTimes(1);
  });
});

describe('markFirstScreenShown', () => {
  beforeEach(() => vi.resetModules());

  it('tells those waiting once, and answers later askers at once', async () => {
    const screen = await import('./after-first-screen');
    const listener = vi.fn();
    const stop = screen.subscribeFirstScreenShown(listener);
    expect(screen.isFirstScreenShown()).toBe(false);

    screen.markFirstScreenShown();
    screen.markFirstScreenShown();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(screen.isFirstScreenShown()).toBe(true);

    stop();
    const late = vi.fn();
    screen.subscribeFirstScreenShown(late);
    expect(late).not.toHaveBeenCalled();
    expect(screen.isFirstScreenShown()).toBe(true);
  });
});
