/**
 * What was typed into quick add and not yet accepted by the server, kept in this tab's sessionStorage
 * so a trip to the sign-in page (a revoked session) or a reload does not lose it. Kept per user: whoever
 * signs in next in this tab never sees someone else's words.
 */
const KEY = 'taskapp:quick-add-draft';

interface StoredDraft {
  userId: string;
  text: string;
}

export function readQuickAddDraft(userId: string): string {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as StoredDraft | null;
    return stored?.userId === userId && typeof stored.text === 'string' ? stored.text : '';
  } catch {
    return '';
  }
}

export function saveQuickAddDraft(userId: string, text: string): void {
  try {
    if (text === '') sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify({ userId, text } satisfies StoredDraft));
  } catch {
    // Storage full or disabled: the field still holds the text while the page is open.
  }
}
