import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { chooseEncoding, PRECOMPRESSED } from './content-encoding.js';
import { findPrecompressed, sendPrecompressed } from './precompressed.js';
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
 * Serves the built web app: hashed assets cached for a year, every other GET gets index.html. Files the
 * build also wrote as .br / .gz (apps/web/build/precompress.ts) go out compressed to clients that accept it.
 * A first page whose code is a lazy chunk (sign-in, sign-up, a task place) gets an index.html that links
 * those chunks, so they download beside the entry chunk; sign in, sign up and forgot password come
 * prerendered, their scripts loaded on first use (prerendered-pages.ts).
 */
export function spaRouter(distDir: string): Router | null {
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
  spa.get(/^(?!\/api\/).*/, (req, res, next) => {
    // A task place's HTML links its code only for a browser holding the signed-in marker cookie, and the
    // signed-out pages come prerendered only to a browser without it.
    res.vary('Cookie');
    const preloading = preloadingIndexFor(req);
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
