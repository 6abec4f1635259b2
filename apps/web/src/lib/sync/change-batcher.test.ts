import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChangeBatcher, type Pending } from './change-batcher';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function batcher(busy = { value: false }) {
  const flushed: Pending<string>[] = [];
  const batch = createChangeBatcher<string>({
    quietMs: 100,
    maxWaitMs: 1_000,
    isBusy: () => busy.value,
    flush: (pending) => flushed.push(pending),
  });
  return { batch, flushed, busy };
}

describe('gathering stale queries', () => {
  it('hands over a burst of changes once, when it pauses', () => {
    const { batch, flushed } = batcher();
    batch.add(['tasks', 'projects']);
    vi.advanceTimersByTime(50);
    batch.add(['tasks', 'labels']);
    vi.advanceTimersByTime(99);
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(flushed).toEqual([new Set(['tasks', 'projects', 'labels'])]);
    vi.advanceTimersByTime(1_000);
    expect(flushed).toHaveLength(1);
  });

  it('still hands over once a second while changes keep coming', () => {
    const { batch, flushed } = batcher();
    for (let elapsed = 0; elapsed < 2_500; elapsed += 50) {
      batch.add(['tasks']);
      vi.advanceTimersByTime(50);
    }
    expect(flushed).toHaveLength(2);
    vi.advanceTimersByTime(100);
    expect(flushed).toHaveLength(3);
  });

  it('starts a new batch for changes after a hand-over', () => {
    const { batch, flushed } = batcher();
    batch.add(['tasks']);
    vi.advanceTimersByTime(100);
    batch.add(['settings']);
    vi.advanceTimersByTime(100);
    expect(flushed).toEqual([new Set(['tasks']), new Set(['settings'])]);
  });

  it('waits while the tab is busy, then hands over everything gathered when it is not', () => {
    const { batch, flushed, busy } = batcher({ value: true });
    batch.add(['tasks']);
    vi.advanceTimersByTime(100);
    batch.add(['labels']);
    vi.advanceTimersByTime(1_000);
    batch.retry();
    expect(flushed).toEqual([]);
    busy.value = false;
    batch.retry();
    expect(flushed).toEqual([new Set(['tasks', 'labels'])]);
  });

  it('does not hand over early when the tab stops being busy before the delay', () => {
    const { batch, flushed } = batcher();
    batch.add(['tasks']);
    batch.retry();
    expect(flushed).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(flushed).toHaveLength(1);
  });

  it('turns the batch into "everything" on a resync, whatever else came', () => {
    const { batch, flushed } = batcher();
    batch.add(['tasks']);
    batch.add('everything');
    batch.add(['labels']);
    vi.advanceTimersByTime(100);
    expect(flushed).toEqual(['everything']);
  });

  it('forgets what was gathered when cancelled', () => {
    const { batch, flushed } = batcher();
    batch.add(['tasks']);
    batch.cancel();
    vi.advanceTimersByTime(1_000);
    batch.retry();
    expect(flushed).toEqual([]);
  });
});
