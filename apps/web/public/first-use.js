// Sent only with a page the server drew before any script has run: a prerendered signed-out page (sign
// in, sign up, forgot password: apps/api/src/http/prerendered-pages.ts) or a signed-in person's task
// place (apps/api/src/http/prerendered-places.ts).
// The page is already in the HTML; the app's scripts, named in <meta name="taskapp-first-use">, load when
// someone first uses it (a key, a press, a pointer moving over it, a touch, a scroll, a focus, an
// autofill), comes back to the tab, another tab signs in or out or changes tasks, or the page is older
// than the app would trust its data (30 s): a page nobody has touched yet costs the phone no script.
// What is done before the app has taken over is not lost: typed values stay in the fields
// (src/prerender/take-over.ts carries them over), and the last button pressed or form sent, and the
// shortcut keys pressed, are held here and done again by the app (window.taskappFirstUse).
(() => {
  const meta = document.querySelector('meta[name="taskapp-first-use"]');
  if (!meta) return;
  const [entry, ...preloads] = meta.content.split(' ').filter(Boolean);
  const prerendered = () => document.getElementById('prerendered');
  const state = { pending: null, keys: [] };
  window.taskappFirstUse = state;

  const TRIGGERS = [
    'keydown',
    'pointerdown',
    'pointermove',
    'touchstart',
    'wheel',
    'scroll',
    'focusin',
    'input',
  ];
  let loading = false;
  const load = () => {
    if (loading) return;
    loading = true;
    for (const type of TRIGGERS) document.removeEventListener(type, load, true);
    document.removeEventListener('visibilitychange', onVisible);
    for (const href of preloads) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = href;
      document.head.append(link);
    }
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = entry;
    document.head.append(script);
  };
  for (const type of TRIGGERS) document.addEventListener(type, load, { capture: true, passive: true });
  // Someone back on a tab opened earlier wants it current: the app brings it up to date.
  const onVisible = () => {
    if (document.visibilityState === 'visible') load();
  };
  document.addEventListener('visibilitychange', onVisible);
  // Another tab signed in or out, or changed tasks: the app follows, as in any tab where it runs.
  if (typeof BroadcastChannel === 'function')
    for (const name of ['taskapp-auth', 'taskapp-tasks'])
      new BroadcastChannel(name).addEventListener('message', load, { once: true });
  // A drawn list is as fresh as the page: once the app itself would no longer trust an answer that old
  // (its queries' staleTime, src/lib/query-client.ts), it comes to bring it up to date and live.
  setTimeout(() => {
    if (document.visibilityState === 'visible') load();
  }, 30_000);

  // What was pressed is known again in the app's page by its kind, its place among its kind, its name and
  // the task it belongs to (the app's page has the same ones; one named otherwise there is not pressed).
  // A form by its fields. Links, fields and labels are the browser's own and work as they are.
  const nameOf = (element) => (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
  const fieldsOf = (form) =>
    [...form.querySelectorAll('input, textarea, select')]
      .map((field) => field.getAttribute('name') ?? field.getAttribute('aria-label') ?? '')
      .join('|');
  const describe = (element, page) => ({
    tag: element.tagName,
    index: [...page.querySelectorAll(element.tagName)].indexOf(element),
    name: element instanceof HTMLFormElement ? fieldsOf(element) : nameOf(element),
    task: element.closest('[data-task-id]')?.getAttribute('data-task-id') ?? null,
  });
  document.addEventListener(
    'click',
    (event) => {
      const page = prerendered();
      const target = event.target instanceof Element ? event.target : null;
      if (!page || !target || !page.contains(target)) return;
      if (target.closest('a[href], input, textarea, select, label, summary')) return;
      const button = target.closest('button');
      // A submit button's click goes on to submit its form, which is held below.
      if (button && button.type === 'submit' && button.form) return;
      event.preventDefault();
      state.pending = { kind: 'click', ...describe(button ?? target, page) };
      load();
    },
    true,
  );
  document.addEventListener(
    'submit',
    (event) => {
      const page = prerendered();
      const form = event.target;
      if (!page || !(form instanceof HTMLFormElement) || !page.contains(form)) return;
      event.preventDefault();
      state.pending = { kind: 'submit', ...describe(form, page) };
      load();
    },
    true,
  );
  // The app's keyboard shortcuts (a single key, outside fields) pressed before it is here: kept in order.
  // Space on a button or link is the browser's own press (held as a click above), not a shortcut.
  const typing = (target) =>
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
  const pressable = (target) => target instanceof Element && target.closest('a[href], button, summary');
  document.addEventListener(
    'keydown',
    (event) => {
      if (!prerendered() || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typing(event.target) || (event.key === ' ' && pressable(event.target))) return;
      event.preventDefault();
      state.keys.push({ key: event.key, code: event.code, shiftKey: event.shiftKey });
    },
    true,
  );
})();
