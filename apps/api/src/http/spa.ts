import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { findPrecompressed, sendPrecompressed } from './precompressed.js';

/** Hashed file names change with their content, so a copy never goes stale. */
const HASHED_ASSET_CACHING = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: always revalidate it (and the few other unhashed files). */
const INDEX_CACHING = 'no-cache';

/**
 * Serves the built web app: hashed assets cached for a year, every other GET gets index.html. Files the
 * build also wrote as .br / .gz (apps/web/build/precompress.ts) go out compressed to clients that accept it.
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
  spa.get(/^(?!\/api\/).*/, (req, res, next) => {
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
