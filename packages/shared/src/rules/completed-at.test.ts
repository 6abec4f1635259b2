import { describe, expect, it } from 'vitest';
import { completedAtAfter } from './completed-at.js';

const now = new Date('2026-11-29T10:00:00.000Z');
const earlier = new Date('2026-11-01T08:00:00.000Z');

describe('completedAtAfter', () => {
  it('stamps a task that becomes completed with now', () => {
    expect(completedAtAfter('completed', null, now)).toEqual(now);
  });
  it('keeps the first completion time while the task stays completed', () => {
    expect(completedAtAfter('completed', earlier, now)).toEqual(earlier);
  });
  it.each(['pending', 'in_progress'] as const)('clears it when the task becomes %s', (status) => {
    expect(completedAtAfter(status, earlier, now)).toBeNull();
    expect(completedAtAfter(status, null, now)).toBeNull();
  });
});
