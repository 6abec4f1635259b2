import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIRST_SCREEN_DATA_ID } from '@taskapp/shared';
import type { Request } from 'express';

/** What apps/web/build/prerender.ts writes: a signed-out first page's markup, rendered at build time. */
export interface PrerenderedPage {
  pattern: string;
  /** HTML-escaped already. */
  title: string;
  markup: string;
}

const EMPTY_ROOT = '<div id="root"></div>';

/** The build's prerendered pages by address pattern; none for a build without them. */
export function readPrerenderedPages(distDir: string): Map<string, PrerenderedPage> {
  try {
    const pages: PrerenderedPage[] = JSON.parse(
      readFileSync(path.join(distDir, '.vite/prerendered.json'), 'utf8'),
    );
    return new Map(pages.map((page) => [page.pattern, page]));
  } catch {
    return new Map();
  }
}

const MODULE_SCRIPT = /\s*<script type="module"[^>]*\ssrc="([^"]+)"[^>]*><\/script>/g;
const MODULE_PRELOAD = /\s*<link rel="modulepreload"[^>]*\shref="([^"]+)"[^>]*>/g;

/**
 * index.html showing the page before the app runs: its markup in #prerendered, the app's #root hidden
 * until the app takes over (apps/web/src/prerender/take-over.ts). The app's module scripts and preloads
 * are not in it: they are named for public/first-use.js, which loads them when the page is first used,
 * so a page nobody has touched yet runs no script but two small plain ones. Null when index.html has no
 * empty #root or no module script.
 */
export function withPrerenderedPage(indexHtml: string, page: PrerenderedPage, data?: string): string | null {
  const entries = [...indexHtml.matchAll(MODULE_SCRIPT)].map(([, src]) => src);
  const preloads = [...indexHtml.matchAll(MODULE_PRELOAD)].map(([, href]) => href);
  if (!indexHtml.includes(EMPTY_ROOT) || entries.length !== 1) return null;
  const firstUse = [
    `<meta name="taskapp-first-use" content="${[...entries, ...preloads].join(' ')}">`,
    '<script src="/first-use.js" defer></script>',
  ];
  // The queries a signed-in first screen was drawn from, for the app's cache (JSON: never run; `<`
  // escaped so no text in it can close the element).
  if (data !== undefined)
    firstUse.push(
      `<script type="application/json" id="${FIRST_SCREEN_DATA_ID}">${data.replaceAll('<', '\\u003c')}</script>`,
    );
  return indexHtml
    .replace(MODULE_SCRIPT, '')
    .replace(MODULE_PRELOAD, '')
    .replace('</head>', () => `    ${firstUse.join('\n    ')}\n  </head>`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${page.title}</title>`)
    .replace(EMPTY_ROOT, () => `<div id="prerendered">${page.markup}</div><div id="root" hidden></div>`);
}

/**
 * Whether a request should get the prerendered page. Not when the browser says someone is signed in
 * (the app would move them on at once: a sign-in form flashing by helps nobody), and not when the query
 * asks for something the markup lacks (a notice above the form would push it down when the app arrives);
 * `redirect` only changes where the app goes afterwards.
 */
export function wantsPrerenderedPage(req: Request, holdsSignedInMarker: boolean): boolean {
  return !holdsSignedInMarker && Object.keys(req.query).every((key) => key === 'redirect');
}
