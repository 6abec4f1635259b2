import { describe, expect, it } from 'vitest';
import { byEmail, byEmailAndNetwork, networkOf } from '../src/auth/rate-limit-keys.js';

describe('networkOf (per-IP rate-limit keys)', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:10.0.0.1', '10.0.0.1'],
    ['2001:db8:1:1::1', '2001:db8:1:1::/64'],
    ['2001:db8:1:1:ffff:ffff:ffff:c', '2001:db8:1:1::/64'],
    ['2001:0DB8:0001:0001::abcd', '2001:db8:1:1::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8:2:2::1', '2001:db8:2:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
  ])('%s → %s', (ip, network) => {
    expect(networkOf(ip)).toBe(network);
  });

  it('keeps anything that is not an address short', () => {
    expect(networkOf('local')).toBe('local');
    expect(networkOf('x'.repeat(500)).length).toBeLessThanOrEqual(71);
  });
});

describe('email keys', () => {
  it('are a fixed-length hash, whatever the email’s length', () => {
    const long = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    expect(byEmail(long)).toMatch(/^[0-9a-f]{64}$/);
    expect(byEmail(long)).not.toContain('@');
    expect(byEmailAndNetwork(long, '2001:db8:1:1::1')).toBe(`${byEmail(long)}@2001:db8:1:1::/64`);
  });
});
