import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompressDirectory } from './precompress';

const dist = mkdtempSync(path.join(tmpdir(), 'taskapp-precompress-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function write(file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
  writeFileSync(path.join(dist, file), content);
}

describe('precompressDirectory', () => {
  it('writes .br and .gz copies that decompress to the original, for compressible files only', () => {
    const script = `export const words = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => `word ${i}`))};`;
    write('assets/index-Ab12Cd34.js', script);
    write('index.html', `<!doctype html>${'<p>row</p>'.repeat(200)}`);
    write('assets/logo.png', Buffer.alloc(4096, 7));
    write('assets/tiny-Ef56.css', 'a{color:red}');
    write('.vite/bundle-report.json', JSON.stringify({ padding: 'x'.repeat(4096) }));

    const written = precompressDirectory(dist);

    expect(written.map(({ file }) => file.split(path.sep).join('/')).sort()).toEqual([
      'assets/index-Ab12Cd34.js',
      'index.html',
    ]);
    const js = path.join(dist, 'assets/index-Ab12Cd34.js');
    expect(brotliDecompressSync(readFileSync(`${js}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${js}.gz`)).toString()).toBe(script);
    expect(readFileSync(`${js}.br`).length).toBeLessThan(script.length / 3);
    expect(existsSync(path.join(dist, 'assets/logo.png.br'))).toBe(false);
    expect(existsSync(path.join(dist, 'assets/tiny-Ef56.css.gz'))).toBe(false);
    expect(existsSync(path.join(dist, '.vite/bundle-report.json.br'))).toBe(false);
  });
});
