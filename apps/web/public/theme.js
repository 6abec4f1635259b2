// Runs before the first paint (a plain script in <head>), so the page never flashes the wrong theme.
// The stored choice is 'light', 'dark' or absent (follow the system). The app changes it through
// window.taskappTheme, which keeps this file the one place that decides what data-theme is.
(() => {
  const KEY = 'taskapp-theme';
  const system = window.matchMedia('(prefers-color-scheme: dark)');
  const read = () => {
    try {
      const stored = localStorage.getItem(KEY);
      return stored === 'light' || stored === 'dark' ? stored : 'system';
    } catch {
      return 'system';
    }
  };
  const apply = () => {
    const choice = read();
    const theme = choice === 'system' ? (system.matches ? 'dark' : 'light') : choice;
    document.documentElement.dataset.theme = theme;
    window.dispatchEvent(new CustomEvent('taskapp-theme', { detail: { choice, theme } }));
  };
  window.taskappTheme = {
    read,
    set(choice) {
      try {
        if (choice === 'system') localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, choice);
      } catch {
        // Private mode without storage: the choice lasts for this page only.
      }
      apply();
    },
  };
  system.addEventListener('change', apply);
  apply();
  // Another tab changed the choice. Listening for storage events makes Chromium open this tab's session
  // storage at once (a synchronous round trip to the browser process, ~10 ms at the start of a page), so
  // the listener is added once the page has loaded; apply() then catches a change made meanwhile.
  const followOtherTabs = () => {
    window.addEventListener('storage', (event) => {
      if (event.key === KEY || event.key === null) apply();
    });
    apply();
  };
  if (document.readyState === 'complete') followOtherTabs();
  else window.addEventListener('load', () => setTimeout(followOtherTabs, 0), { once: true });
})();
