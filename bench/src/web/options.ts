export interface WebBenchOptions {
  /** Exit 1 when a page misses a budget. */
  check: boolean;
  /** Lighthouse runs per page; the report takes each number's median. */
  runs: number;
  /** Only these pages (keys from pages.ts). */
  only: string[] | null;
  /** The built web app to serve instead of apps/web/dist (WEB_DIST_DIR of the server). */
  distDir: string | null;
  /** Keeps every run's full Lighthouse report (JSON) in this folder. */
  keepDir: string | null;
}

const KNOWN = ['--check', '--runs=N', '--only=a,b', '--dist=DIR', '--keep=DIR'];

export function parseWebOptions(argv: string[]): WebBenchOptions {
  const options: WebBenchOptions = { check: false, runs: 3, only: null, distDir: null, keepDir: null };
  for (const arg of argv) {
    if (arg === '--') continue;
    else if (arg === '--check') options.check = true;
    else if (arg.startsWith('--runs=')) options.runs = Number(arg.slice('--runs='.length));
    else if (arg.startsWith('--only=')) options.only = arg.slice('--only='.length).split(',');
    else if (arg.startsWith('--dist=')) options.distDir = arg.slice('--dist='.length);
    else if (arg.startsWith('--keep=')) options.keepDir = arg.slice('--keep='.length);
    else throw new Error(`unknown option ${arg} (known: ${KNOWN.join(' ')})`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs takes a whole number ≥ 1');
  return options;
}
