import { describe, expect, it } from 'vitest';
import { applicationServerKey, pushErrorText, pushSupported, subscribeInputOf } from './push-support';

describe('push support', () => {
  it('decodes a base64url VAPID key, with or without padding', () => {
    // 0xfb 0xff 0xfe: the bytes whose base64 uses + and /.
    expect([...applicationServerKey('-__-')]).toEqual([0xfb, 0xff, 0xfe]);
    expect([...applicationServerKey('AQI')]).toEqual([1, 2]);
    expect([...applicationServerKey('AQI=')]).toEqual([1, 2]);
    const key = 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';
    const bytes = applicationServerKey(key);
    expect(bytes).toHaveLength(65);
    expect(bytes[0]).toBe(0x04);
  });

  it('turns PushSubscription.toJSON() into push.subscribe’s input', () => {
    const json = { endpoint: 'https://push.example/abc', keys: { p256dh: 'BPk', auth: 'au' } };
    expect(subscribeInputOf(json, true)).toEqual({
      endpoint: 'https://push.example/abc',
      keys: { p256dh: 'BPk', auth: 'au' },
      hideTitles: true,
    });
    expect(subscribeInputOf({ endpoint: 'https://push.example/abc', keys: {} }, false)).toBeNull();
  });

  it('knows a browser without push', () => {
    expect(pushSupported({} as typeof globalThis)).toBe(false);
  });

  it('says in words why turning push on failed', () => {
    expect(
      pushErrorText(new DOMException('Registration failed - push service not available', 'AbortError')),
    ).toMatch(/could not subscribe this device \(Registration failed - push service not available\)/);
    expect(pushErrorText(new DOMException('denied', 'NotAllowedError'))).toBe(
      'The browser did not allow notifications for this site.',
    );
    expect(pushErrorText(new Error('Push notifications are turned off on this server'))).toBe(
      'Push notifications are turned off on this server',
    );
  });
});
