import { z } from 'zod';
import { storableText } from '../text.js';
import { currentPasswordSchema } from './auth.js';

/** Six digits from an authenticator app; spaces people type between groups are dropped. */
export const totpCodeSchema = storableText()
  .transform((code) => code.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app'));

/** A recovery code as shown (`abcd-efgh-ijkl-mnop`); case, spaces and dashes do not matter. */
export const recoveryCodeSchema = storableText()
  .transform((code) => code.toLowerCase().replace(/[\s-]+/g, ''))
  .pipe(
    z.string().regex(/^[a-z2-7]{16}$/, 'Enter a recovery code as it was shown, like abcd-efgh-ijkl-mnop'),
  );

const ticketSchema = storableText()
  .min(1, 'The sign-in has expired. Start again.')
  .max(200, 'The sign-in has expired. Start again.');

export const setupTotpInput = z.strictObject({ password: currentPasswordSchema });
export type SetupTotpInput = z.infer<typeof setupTotpInput>;

export const enableTotpInput = z.strictObject({ code: totpCodeSchema });
export type EnableTotpInput = z.infer<typeof enableTotpInput>;

export const disableTotpInput = z.strictObject({ password: currentPasswordSchema, code: totpCodeSchema });
export type DisableTotpInput = z.infer<typeof disableTotpInput>;

export const regenerateRecoveryCodesInput = z.strictObject({ code: totpCodeSchema });
export type RegenerateRecoveryCodesInput = z.infer<typeof regenerateRecoveryCodesInput>;

export const completeMfaInput = z.union([
  z.strictObject({ mfaTicket: ticketSchema, code: totpCodeSchema }),
  z.strictObject({ mfaTicket: ticketSchema, recoveryCode: recoveryCodeSchema }),
]);
export type CompleteMfaInput = z.infer<typeof completeMfaInput>;

/** What a second factor can be, in the order the sign-in screen offers them. */
export const MFA_METHODS = ['totp', 'recovery', 'passkey'] as const;
export type MfaMethod = (typeof MFA_METHODS)[number];

export const passkeyNameSchema = storableText()
  .trim()
  .min(1, 'Give the passkey a name')
  .max(100, 'Use at most 100 characters');
