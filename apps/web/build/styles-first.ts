import type { Plugin } from 'vite';

const STYLESHEET = /[ \t]*<link rel="stylesheet"[^>]*>\n?/g;

/**
 * Moves the built page's stylesheet links ahead of its scripts and module preloads. Vite writes them last,
 * so a slow connection fetched some twenty script files before the one file a first paint needs; with
 * the page's markup already in the HTML (build/prerender.ts) the stylesheet is what the first paint waits
 * for.
 */
export function moveStylesheetsFirst(html: string): string {
  const links = html.match(STYLESHEET);
  const firstScript = html.indexOf('<script');
  if (!links || firstScript < 0) return html;
  const rest = html.replace(STYLESHEET, '');
  const at = rest.lastIndexOf('\n', rest.indexOf('<script')) + 1;
  const block = links.map((link) => `    ${link.trim()}\n`).join('');
  return `${rest.slice(0, at)}${block}${rest.slice(at)}`;
}

export function stylesFirst(): Plugin {
  return {
    name: 'taskapp-styles-first',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: moveStylesheetsFirst },
  };
}
