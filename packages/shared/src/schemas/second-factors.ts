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

const passkeyIdSchema = z.uuid('Not a passkey id');

/** A base64url field of a WebAuthn answer, capped so odd input is a 400 and never work for the verifier. */
const base64url = (max: number) =>
  z
    .string()
    .max(max, 'The passkey answer is too large')
    .regex(/^[A-Za-z0-9_-]*$/, 'The passkey answer is not valid');

const credentialIdSchema = base64url(1024).min(1, 'The passkey answer is not valid');

/**
 * The fields of the browser's PublicKeyCredential JSON that the server reads; unknown fields are dropped
 * (browsers add new ones), known ones are bounded. The verifier checks everything else.
 */
const credentialFields = {
  id: credentialIdSchema,
  rawId: credentialIdSchema,
  type: z.literal('public-key', 'The passkey answer is not valid'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z
    .object({ credProps: z.object({ rk: z.boolean().optional() }).optional() })
    .default({}),
};

export const passkeyRegistrationResponseSchema = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url(8_000),
    attestationObject: base64url(60_000),
    authenticatorData: base64url(16_000).optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url(8_000).optional(),
  }),
});

export const passkeyAuthenticationResponseSchema = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url(8_000),
    authenticatorData: base64url(16_000),
    signature: base64url(8_000),
    userHandle: base64url(200).optional(),
  }),
});

export const registerPasskeyInput = z.strictObject({
  response: passkeyRegistrationResponseSchema,
  name: passkeyNameSchema,
});
export type RegisterPasskeyInput = z.infer<typeof registerPasskeyInput>;

export const renamePasskeyInput = z.strictObject({ id: passkeyIdSchema, name: passkeyNameSchema });
export type RenamePasskeyInput = z.infer<typeof renamePasskeyInput>;

export const deletePasskeyInput = z.strictObject({ id: passkeyIdSchema, password: currentPasswordSchema });
export type DeletePasskeyInput = z.infer<typeof deletePasskeyInput>;

/** Without a ticket: a passkey-only sign-in; with one: the passkey as the second factor of that sign-in. */
export const passkeyOptionsInput = z.strictObject({ mfaTicket: ticketSchema.optional() }).optional();
export type PasskeyOptionsInput = z.infer<typeof passkeyOptionsInput>;

export const passkeyLoginInput = z.strictObject({
  response: passkeyAuthenticationResponseSchema,
  mfaTicket: ticketSchema.optional(),
});
export type PasskeyLoginInput = z.infer<typeof passkeyLoginInput>;
