// Sent only with a prerendered signed-out page (sign in, sign up, forgot password:
// apps/api/src/http/prerendered-pages.ts).
// Its form is already in the HTML; the app's scripts, named in <meta name="taskapp-first-use">, load when
// someone first uses the page (a key, a press, a pointer moving over it, a focus, an autofill), so a
// page nobody has touched yet costs the phone no script at all. What is done before the app has taken
// over is not lost: typed values stay in the fields (src/prerender/take-over.ts carries them over), and
// the last button pressed or form sent is held here and done again by the app (window.taskappFirstUse).
(() => {
  const meta = document.querySelector('meta[name="taskapp-first-use"]');
  if (!meta) return;
  const [entry, ...preloads] = meta.content.split(' ').filter(Boolean);
  const prerendered = () => document.getElementById('prerendered');
  const state = { pending: null };
  window.taskappFirstUse = state;

  const TRIGGERS = ['keydown', 'pointerdown', 'pointermove', 'touchstart', 'focusin', 'input'];
  let loading = false;
  const load = () => {
    if (loading) return;
    loading = true;
    for (const type of TRIGGERS) document.removeEventListener(type, load, true);
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

  // Where an element sits among its kind in the prerendered page: the app's page has the same ones.
  const indexOf = (element, selector) => [...prerendered().querySelectorAll(selector)].indexOf(element);
  document.addEventListener(
    'click',
    (event) => {
      const page = prerendered();
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (!page || !button || !page.contains(button)) return;
      // A submit button's click goes on to submit its form, which is held below.
      if (button.type === 'submit' && button.form) return;
      event.preventDefault();
      state.pending = { kind: 'click', index: indexOf(button, 'button') };
      load();
    },
    true,
  );
  document.addEventListener(
    'submit',
    (event) => {
      const page = prerendered();
      if (!page || !(event.target instanceof HTMLFormElement) || !page.contains(event.target)) return;
      event.preventDefault();
      state.pending = { kind: 'submit', index: indexOf(event.target, 'form') };
      load();
    },
    true,
  );
})();
