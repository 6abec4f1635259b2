import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text formats worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest|map)$/;
/** Below this a compressed copy saves less than the headers it costs. */
const MIN_BYTES = 1024;

/**
 * Writes a .br (brotli, best quality) and a .gz (gzip -9) copy next to every compressible file under
 * `dir` (dot folders such as .vite/ excluded), so the server sends them without compressing per request.
 * Returns the files it compressed with their sizes.
 */
export function precompressDirectory(
  dir: string,
): { file: string; bytes: number; br: number; gzip: number }[] {
  const written = [];
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!COMPRESSIBLE.test(file) || file.split(path.sep).some((part) => part.startsWith('.'))) continue;
    const full = path.join(dir, file);
    if (!statSync(full).isFile()) continue;
    const content = readFileSync(full);
    if (content.length < MIN_BYTES) continue;
    const br = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    const gzip = gzipSync(content, { level: 9 });
    writeFileSync(`${full}.br`, br);
    writeFileSync(`${full}.gz`, gzip);
    written.push({ file, bytes: content.length, br: br.length, gzip: gzip.length });
  }
  return written;
}

/** The Vite plugin: precompresses the whole output folder once the build has written it. */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'taskapp-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      handler() {
        const written = precompressDirectory(outDir);
        const total = (key: 'bytes' | 'br' | 'gzip') => written.reduce((sum, file) => sum + file[key], 0);
        console.log(
          `precompressed ${written.length} file(s): ${Math.round(total('bytes') / 1000)} kB → ${Math.round(total('br') / 1000)} kB brotli, ${Math.round(total('gzip') / 1000)} kB gzip`,
        );
      },
    },
  };
}
