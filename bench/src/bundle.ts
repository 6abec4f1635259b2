import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** What apps/web/build/bundle-report.ts wrote during the last `pnpm build`. */
export interface BundleSize {
  initialJsGzipKb: number;
  limitKb: number;
}

const REPORT = fileURLToPath(new URL('../../apps/web/dist/.vite/bundle-report.json', import.meta.url));

export async function readBundleSize(): Promise<BundleSize | null> {
  try {
    const report = JSON.parse(await readFile(REPORT, 'utf8')) as BundleSize;
    return { initialJsGzipKb: report.initialJsGzipKb, limitKb: report.limitKb };
  } catch {
    return null;
  }
}
