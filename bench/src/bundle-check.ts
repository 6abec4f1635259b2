import { readBundleSize } from './bundle.js';

// `pnpm --filter @taskapp/bench bundle-check`: the initial-JS budget alone, after `pnpm build`.
const bundle = await readBundleSize();
if (!bundle) {
  console.error('no apps/web/dist/.vite/bundle-report.json: run `pnpm build` first');
  process.exit(2);
}
const pass = bundle.initialJsGzipKb <= bundle.limitKb;
console.log(
  `initial JS: ${bundle.initialJsGzipKb} kB gzip, budget ${bundle.limitKb} kB: ${pass ? 'pass' : 'FAIL'}`,
);
process.exit(pass ? 0 : 1);
