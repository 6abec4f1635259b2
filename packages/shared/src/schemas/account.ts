import { z } from 'zod';
import { currentPasswordSchema, nameSchema, newPasswordSchema } from './auth.js';

export const updateProfileInput = z.strictObject({ name: nameSchema });
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

export const changePasswordInput = z.strictObject({
  currentPassword: currentPasswordSchema,
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const revokeSessionInput = z.strictObject({ id: z.uuid('Not a session id') });
export type RevokeSessionInput = z.infer<typeof revokeSessionInput>;

export const deleteAccountInput = z.strictObject({ password: currentPasswordSchema });
export type DeleteAccountInput = z.infer<typeof deleteAccountInput>;

/** Proves it is still the person, before a sensitive read such as the data export. */
export const confirmPasswordInput = z.strictObject({ password: currentPasswordSchema });
export type ConfirmPasswordInput = z.infer<typeof confirmPasswordInput>;
