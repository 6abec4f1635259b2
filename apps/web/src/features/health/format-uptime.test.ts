import { describe, expect, it } from 'vitest';
import { formatUptime } from './format-uptime';

describe('formatUptime', () => {
  it.each([
    [0, '0s'],
    [45.7, '45s'],
    [60, '1m 0s'],
    [725, '12m 5s'],
    [3 * 3600 + 12 * 60 + 59, '3h 12m'],
    [2 * 86_400 + 4 * 3600 + 30, '2d 4h'],
    [-5, '0s'],
  ])('formats %s seconds as %s', (seconds, expected) => {
    expect(formatUptime(seconds)).toBe(expected);
  });
});
