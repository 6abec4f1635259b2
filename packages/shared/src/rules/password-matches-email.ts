/**
 * True when the password is the account's email, or its local part when that is 4+ characters long.
 * The server refuses such passwords; the sign-up checklist shows the same rule live.
 */
export function passwordMatchesEmail(password: string, email: string): boolean {
  const normalized = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  if (!normalized || !address) return false;
  const localPart = address.split('@')[0] ?? '';
  return normalized === address || (localPart.length >= 4 && normalized === localPart);
}
