import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { IDLE_MODULES_META, SIGNED_IN_COOKIE } from '@taskapp/shared';
import { parseCookie } from 'cookie';
import type { Request } from 'express';
import type { Encoding } from './content-encoding.js';
import { readPrerenderedPages, wantsPrerenderedPage, withPrerenderedPage } from './prerendered-pages.js';

/** What apps/web/build/route-preloads.ts writes: a first page's address and the chunks it loads. */
interface RoutePreload {
  pattern: string;
  files: string[];
  /** Fetched by the page itself once its first screen is up (apps/web/src/lib/idle-modules.ts). */
  idleFiles?: string[];
  /** Only for a browser holding the signed-in marker (a task place: anyone else is sent to sign in). */
  signedIn?: boolean;
}

/** index.html naming one first page's chunks, in each encoding we send. */
export interface PreloadingIndex {
  plain: Buffer;
  encoded: Map<Encoding, Buffer>;
  /** A task place's: the server may draw its first screen for the person asking (prerendered-places.ts). */
  signedIn?: boolean;
}

function withModulePreloads(indexHtml: string, files: string[], idleFiles: string[]): string {
  const tags = files.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`);
  // Named, not linked: a link would download them now, beside what the first screen is waiting for.
  if (idleFiles.length)
    tags.push(
      `<meta name="${IDLE_MODULES_META}" content="${idleFiles.map((file) => `/${file}`).join(' ')}">`,
    );
  return indexHtml.replace('</head>', `    ${tags.join('\n    ')}\n  </head>`);
}

function encodedIndex(html: string): PreloadingIndex {
  const plain = Buffer.from(html);
  const encoded = new Map<Encoding, Buffer>([
    ['br', brotliCompressSync(plain)],
    ['gzip', gzipSync(plain, { level: 9 })],
  ]);
  return { plain, encoded };
}

/**
 * For each first page the build listed (dist/.vite/route-preloads.json), index.html with modulepreload
 * links to that page's chunks, and, when the build prerendered the page (prerendered-pages.ts), a variant
 * that already shows it; compressed once at start-up. Returns the variant a request should get, or null
 * for the plain index.html (any other address, a signed-in page asked for without the signed-in marker
 * cookie, or an older build without the file).
 */
export function routePreloadingIndex(distDir: string): (req: Request) => PreloadingIndex | null {
  let preloads: RoutePreload[];
  try {
    preloads = JSON.parse(readFileSync(path.join(distDir, '.vite/route-preloads.json'), 'utf8'));
  } catch {
    return () => null;
  }
  const indexHtml = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const prerenderedPages = readPrerenderedPages(distDir);
  const variants = preloads.map(({ pattern, files, idleFiles, signedIn }) => {
    const preloading = withModulePreloads(indexHtml, files, idleFiles ?? []);
    const page = prerenderedPages.get(pattern);
    const prerendered = page ? withPrerenderedPage(preloading, page) : null;
    return {
      route: new RegExp(pattern),
      preloading: { ...encodedIndex(preloading), signedIn: signedIn === true },
      prerendered: prerendered === null ? null : encodedIndex(prerendered),
    };
  });
  return (req) => {
    const variant = variants.find(({ route }) => route.test(req.path));
    if (!variant) return null;
    const holdsMarker = parseCookie(req.headers.cookie ?? '')[SIGNED_IN_COOKIE] === '1';
    if (variant.preloading.signedIn && !holdsMarker) return null;
    return variant.prerendered && wantsPrerenderedPage(req, holdsMarker)
      ? variant.prerendered
      : variant.preloading;
  };
}
