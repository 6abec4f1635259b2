import { timingSafeEqual } from 'node:crypto';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** One step either side: a phone clock a little off, or a code typed as it changed. */
const ALLOWED_DRIFT_STEPS = 1;
/** 160 bits, the size RFC 4226 recommends for SHA-1. */
export const TOTP_SECRET_BYTES = 20;

export function stepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step a code belongs to, or null when it matches none of the allowed steps around now. The
 * caller accepts it only after the step last used: each code works once (replays are refused).
 */
export function matchingStep(secret: Uint8Array, code: string, now: Date): number | null {
  const current = stepAt(now);
  const given = Buffer.from(code);
  for (let step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step += 1) {
    const expected = Buffer.from(generateHOTP(secret, BigInt(step), TOTP_DIGITS));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return step;
  }
  return null;
}

/** The secret as authenticator apps take it typed in: base32, no padding (the screen groups it by four). */
export function secretText(secret: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(secret);
}

/** The otpauth:// address the QR code carries: the app shows "Taskapp (ada@example.com)". */
export function otpauthUri(secret: Uint8Array, email: string): string {
  return createTOTPKeyURI('Taskapp', email, secret, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}
