import { IDLE_MODULES_META } from '@taskapp/shared/constants';

/**
 * Fetches the chunks the server named for this page's idle time (its HTML's IDLE_MODULES_META tag) as
 * module preloads: downloaded and compiled, not run. Running them (~35 ms at full speed for the edit panel,
 * zod included) is left to the first use, so the page's idle moment holds no long task. Returns false
 * when the page names none (development, or a page reached by navigating from one that named none): the
 * caller then loads the code itself.
 */
export function preloadIdleModules(): boolean {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${IDLE_MODULES_META}"]`);
  const files = meta?.content.split(' ').filter(Boolean) ?? [];
  if (files.length === 0) return false;
  const linked = new Set(
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.href),
  );
  for (const file of files) {
    const href = new URL(file, document.baseURI).href;
    if (linked.has(href)) continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.append(link);
  }
  return true;
}
