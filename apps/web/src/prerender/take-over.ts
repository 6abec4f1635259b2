/** What public/first-use.js holds back until the app has taken over: the last button pressed or form sent. */
interface PendingUse {
  kind: 'click' | 'submit';
  /** Its place among the page's buttons (or forms): the app's page has the same ones, in the same order. */
  index: number;
}

declare global {
  interface Window {
    taskappFirstUse?: { pending: PendingUse | null };
  }
}

/**
 * The server may send a signed-out first page prerendered (apps/web/build/prerender.ts): its markup in
 * #prerendered, on screen before any JavaScript has run, and the app's #root hidden; the app's scripts
 * load when the page is first used (public/first-use.js). Once the app has rendered the same page (or gone
 * elsewhere), this swaps the two in one step, carrying over whatever was typed or autofilled into the
 * prerendered fields, and the focus with its caret, then does again the press or submit that was held
 * back meanwhile, so no input is lost. The two pages have the same layout, so nothing moves. Does
 * nothing when there is no prerendered page.
 */
export function takeOverPrerenderedPage(): void {
  const prerendered = document.getElementById('prerendered');
  const root = document.getElementById('root');
  if (!prerendered || !root) return;
  const focused = document.activeElement;
  for (const typed of prerendered.querySelectorAll<HTMLInputElement>('input[name]')) {
    if (typed.value === typed.defaultValue) continue;
    const field = counterpart(root, typed);
    if (field) setAsIfTyped(field, typed.value);
  }
  prerendered.remove();
  root.hidden = false;
  if (focused instanceof HTMLInputElement && prerendered.contains(focused)) {
    const field = counterpart(root, focused);
    field?.focus();
    if (field && focused.selectionStart !== null && focused.selectionEnd !== null)
      field.setSelectionRange(focused.selectionStart, focused.selectionEnd);
  }
  replayPendingUse(root);
}

function replayPendingUse(root: HTMLElement): void {
  const firstUse = window.taskappFirstUse;
  const pending = firstUse?.pending;
  if (!firstUse || !pending) return;
  firstUse.pending = null;
  if (pending.kind === 'submit') root.querySelectorAll('form')[pending.index]?.requestSubmit();
  else root.querySelectorAll('button')[pending.index]?.click();
}

function counterpart(root: HTMLElement, input: HTMLInputElement): HTMLInputElement | null {
  return root.querySelector<HTMLInputElement>(`input[name="${CSS.escape(input.name)}"]`);
}

/**
 * Sets a field the app renders the way typing would: through the prototype's setter (React keeps its own
 * copy of the value and would ignore a plain assignment) and an input event, so the form's own state
 * (react-hook-form) hears of it.
 */
function setAsIfTyped(field: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
