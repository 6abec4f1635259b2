import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { chooseEncoding, type Encoding, PRECOMPRESSED } from './content-encoding.js';

/** Every file under `root` that the build stored compressed too, by URL path ("/assets/x.js"), with its encodings. */
export function findPrecompressed(root: string): Map<string, Encoding[]> {
  const files = new Set(
    readdirSync(root, { recursive: true, encoding: 'utf8' }).map(
      (file) => `/${file.split(path.sep).join('/')}`,
    ),
  );
  const variants = new Map<string, Encoding[]>();
  for (const file of files) {
    const encodings = PRECOMPRESSED.filter(({ extension }) => files.has(`${file}${extension}`)).map(
      ({ encoding }) => encoding,
    );
    if (encodings.length) variants.set(file, encodings);
  }
  return variants;
}

/**
 * Sends `urlPath` (a file under `root` listed in `variants`) in the best encoding the client accepts:
 * the .br or .gz file with the original's Content-Type, or the plain file. Whatever it picks, the answer
 * varies by Accept-Encoding, so caches keep each copy apart.
 */
export function sendPrecompressed(
  { req, res, next }: { req: Request; res: Response; next: NextFunction },
  file: { root: string; urlPath: string; encodings: readonly Encoding[]; cacheControl: string },
): void {
  res.vary('Accept-Encoding');
  res.setHeader('Cache-Control', file.cacheControl);
  const encoding = chooseEncoding(req.headers['accept-encoding'], file.encodings);
  const extension = PRECOMPRESSED.find((candidate) => candidate.encoding === encoding)?.extension ?? '';
  if (encoding) {
    res.setHeader('Content-Encoding', encoding);
    res.type(path.extname(file.urlPath));
  }
  // Ranges of a compressed copy would be byte ranges of the wrong representation.
  res.sendFile(`.${file.urlPath}${extension}`, { root: file.root, acceptRanges: !encoding }, (error) => {
    if (error) next(error);
  });
}
