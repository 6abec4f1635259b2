/** What public/first-use.js holds back until the app has taken over: the last press or form sent. */
interface PendingUse {
  kind: 'click' | 'submit';
  /** The element's tag name (BUTTON, FORM, SPAN…). */
  tag: string;
  /** Its place among the page's elements of that tag: the app's page has the same ones, in the same order. */
  index: number;
  /** Its aria-label or text (a form: its fields' names): one named otherwise in the app's page is not used. */
  name: string;
  /** The task row it is in, if any. */
  task: string | null;
}

/** A shortcut key pressed before the app was here. */
interface HeldKey {
  key: string;
  code: string;
  shiftKey: boolean;
}

declare global {
  interface Window {
    taskappFirstUse?: { pending: PendingUse | null; keys: HeldKey[] };
  }
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

/** The app's container while a prerendered page is on screen: out of the document until the takeover. */
let heldRoot: HTMLElement | null = null;

/**
 * Takes the app's #root out of the document while a prerendered page shows (the app renders into it
 * there): until the takeover the page holds one copy of everything, the prerendered one, for people,
 * assistive technology and tests alike. Does nothing without a prerendered page.
 */
export function holdRootUntilTakeOver(root: HTMLElement): void {
  if (!document.getElementById('prerendered')) return;
  root.remove();
  heldRoot = root;
}

/**
 * The server may send a page drawn before any JavaScript has run: a signed-out first page prerendered at
 * build (apps/web/build/prerender.ts), or a signed-in person's task place drawn as they asked for it
 * (apps/web/src/prerender/render-place.tsx). Its markup is in #prerendered and the app's #root is hidden
 * (and, once the app runs, out of the document: holdRootUntilTakeOver); the app's scripts load when the
 * page is first used (public/first-use.js). Once the app has rendered the
 * same page (or gone elsewhere), this swaps the two in one step, carrying over whatever was typed or
 * autofilled, the focus with its caret and the scroll position, then does again the press, submit or
 * shortcut keys held back meanwhile, so no input is lost. The two pages have the same layout, so nothing
 * moves. Does nothing when there is no prerendered page.
 */
export function takeOverPrerenderedPage(): void {
  const prerendered = document.getElementById('prerendered');
  const root = heldRoot ?? document.getElementById('root');
  if (!prerendered || !root) return;
  heldRoot = null;
  const focused = document.activeElement;
  const { scrollX, scrollY } = window;
  const typedFields = [
    ...prerendered.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'),
  ];
  for (const typed of typedFields) {
    if (typed.value === typed.defaultValue) continue;
    const field = counterpart(root, prerendered, typed);
    if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)
      setAsIfTyped(field, typed.value);
  }
  const focusTarget =
    focused instanceof HTMLElement && prerendered.contains(focused)
      ? counterpart(root, prerendered, focused)
      : null;
  if (root.isConnected) prerendered.remove();
  else prerendered.replaceWith(root);
  root.hidden = false;
  // Someone may have scrolled a server-drawn list: the app's is laid out the same.
  if (scrollX || scrollY) window.scrollTo(scrollX, scrollY);
  if (focusTarget) {
    focusTarget.focus({ preventScroll: true });
    // Inputs of some types (email) have no caret to carry.
    const caret = (field: Element | null) =>
      field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field : null;
    const [from, to] = [caret(focused), caret(focusTarget)];
    if (from && to && from.selectionStart !== null && from.selectionEnd !== null)
      to.setSelectionRange(from.selectionStart, from.selectionEnd);
  }
  // After React has rendered what the carried values changed.
  setTimeout(() => replayHeldUse(root), 0);
}

function replayHeldUse(root: HTMLElement): void {
  const firstUse = window.taskappFirstUse;
  if (!firstUse) return;
  const { pending, keys } = firstUse;
  firstUse.pending = null;
  firstUse.keys = [];
  for (const held of keys) {
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new KeyboardEvent('keydown', { ...held, bubbles: true, cancelable: true }));
  }
  const element = pending ? heldElement(root, pending) : null;
  if (pending?.kind === 'submit' && element instanceof HTMLFormElement) element.requestSubmit();
  else if (pending?.kind === 'click' && element instanceof HTMLElement) element.click();
}

const nameOf = (element: Element) => (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
const fieldsOf = (form: Element) =>
  [...form.querySelectorAll('input, textarea, select')]
    .map((field) => field.getAttribute('name') ?? field.getAttribute('aria-label') ?? '')
    .join('|');

/** The held element's counterpart: at its place if it is the same one, else the first that is. */
function heldElement(root: HTMLElement, held: PendingUse): Element | null {
  const same = (element: Element) =>
    (element instanceof HTMLFormElement ? fieldsOf(element) : nameOf(element)) === held.name &&
    (element.closest('[data-task-id]')?.getAttribute('data-task-id') ?? null) === held.task;
  const candidates = [...root.querySelectorAll(held.tag)];
  const atPlace = candidates[held.index];
  if (atPlace && same(atPlace)) return atPlace;
  return candidates.find(same) ?? null;
}

/**
 * The app's element for one in the prerendered page: a named field by its name, anything else by its
 * place among the focusable elements when it is the same kind with the same name, else the first such.
 */
function counterpart(root: HTMLElement, prerendered: HTMLElement, element: HTMLElement): HTMLElement | null {
  const name = element.getAttribute('name');
  if (name) return root.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
  const same = (candidate: Element) =>
    candidate.tagName === element.tagName &&
    nameOf(candidate) === nameOf(element) &&
    candidate.getAttribute('href') === element.getAttribute('href');
  const index = [...prerendered.querySelectorAll(FOCUSABLE)].indexOf(element);
  const candidates = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const atPlace = candidates[index];
  if (atPlace && same(atPlace)) return atPlace;
  return candidates.find(same) ?? null;
}

/**
 * Sets a field the app renders the way typing would: through the prototype's setter (React keeps its own
 * copy of the value and would ignore a plain assignment) and an input event, so the form's own state
 * (react-hook-form) hears of it.
 */
function setAsIfTyped(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype =
    field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
