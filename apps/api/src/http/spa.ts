import { existsSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import express, { type Router } from 'express';
import type { AppDependencies } from '../trpc/context.js';
import { chooseEncoding, PRECOMPRESSED } from './content-encoding.js';
import { findPrecompressed, sendPrecompressed } from './precompressed.js';
import { withPrerenderedPage } from './prerendered-pages.js';
import { placeRendering, type RenderedPlace } from './prerendered-places.js';
import { type PreloadingIndex, routePreloadingIndex } from './route-preloads.js';

/** Hashed file names change with their content, so a copy never goes stale. */
const HASHED_ASSET_CACHING = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: always revalidate it (and the few other unhashed files). */
const INDEX_CACHING = 'no-cache';

/** index.html naming the first page's chunks (route-preloads.ts), in the best encoding the client takes. */
function sendPreloadingIndex(req: express.Request, res: express.Response, index: PreloadingIndex): void {
  const available = PRECOMPRESSED.map(({ encoding }) => encoding).filter((encoding) =>
    index.encoded.has(encoding),
  );
  const encoding = chooseEncoding(req.headers['accept-encoding'], available);
  res.vary('Accept-Encoding');
  res.setHeader('Cache-Control', INDEX_CACHING);
  res.type('html');
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.send((encoding && index.encoded.get(encoding)) || index.plain);
}

/**
 * A page drawn for one person: never stored by a browser cache or proxy, compressed as it goes (brotli at
 * a quality that costs a few milliseconds).
 */
function sendRenderedPage(req: express.Request, res: express.Response, html: string): void {
  const encoding = chooseEncoding(req.headers['accept-encoding'], ['br', 'gzip']);
  res.vary('Accept-Encoding');
  res.setHeader('Cache-Control', 'private, no-store');
  res.type('html');
  const plain = Buffer.from(html);
  if (encoding) res.setHeader('Content-Encoding', encoding);
  if (encoding === 'br') res.send(brotliCompressSync(plain, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }));
  else if (encoding === 'gzip') res.send(gzipSync(plain, { level: 6 }));
  else res.send(plain);
}

/** index.html with a signed-in person's first screen drawn in (null: not this page, or not this time). */
function withRenderedPlace(preloading: PreloadingIndex, place: RenderedPlace | null): string | null {
  if (!place) return null;
  return withPrerenderedPage(
    preloading.plain.toString('utf8'),
    { pattern: '', title: place.title, markup: place.markup },
    place.data,
  );
}

/**
 * Serves the built web app: hashed assets cached for a year, every other GET gets index.html. Files the
 * build also wrote as .br / .gz (apps/web/build/precompress.ts) go out compressed to clients that accept it.
 * A first page whose code is a lazy chunk (sign-in, sign-up, a task place) gets an index.html that links
 * those chunks, so they download beside the entry chunk; sign in, sign up and forgot password come
 * prerendered, their scripts loaded on first use (prerendered-pages.ts); with `deps`, so does a task
 * place for a signed-in person, drawn with their data as they ask (prerendered-places.ts).
 */
export function spaRouter(distDir: string, deps?: AppDependencies): Router | null {
  const indexFile = path.join(distDir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const precompressed = findPrecompressed(distDir);
  const spa = express.Router();
  spa.use((req, res, next) => {
    const encodings = precompressed.get(req.path);
    if (!encodings || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    const cacheControl = req.path.startsWith('/assets/') ? HASHED_ASSET_CACHING : INDEX_CACHING;
    sendPrecompressed({ req, res, next }, { root: distDir, urlPath: req.path, encodings, cacheControl });
  });
  spa.use(
    '/assets',
    express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  spa.use(express.static(distDir, { index: false, maxAge: 0 }));
  const preloadingIndexFor = routePreloadingIndex(distDir);
  const renderPlace = deps ? placeRendering(distDir, deps) : null;
  spa.get(/^(?!\/api\/).*/, async (req, res, next) => {
    // A task place's HTML links its code only for a browser holding the signed-in marker cookie, and the
    // signed-out pages come prerendered only to a browser without it.
    res.vary('Cookie');
    const preloading = preloadingIndexFor(req);
    if (preloading?.signedIn && renderPlace) {
      const page = withRenderedPlace(preloading, await renderPlace(req));
      if (page) {
        sendRenderedPage(req, res, page);
        return;
      }
    }
    if (preloading) {
      sendPreloadingIndex(req, res, preloading);
      return;
    }
    sendPrecompressed(
      { req, res, next },
      {
        root: distDir,
        urlPath: '/index.html',
        encodings: precompressed.get('/index.html') ?? [],
        cacheControl: INDEX_CACHING,
      },
    );
  });
  return spa;
}
