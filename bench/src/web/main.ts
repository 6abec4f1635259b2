import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './browser.js';
import { budgetMisses, mediansOf, WEB_BUDGETS } from './budgets.js';
import { describeRun } from './context.js';
import { runLighthouse, withRetries } from './lighthouse-run.js';
import { parseWebOptions } from './options.js';
import { PAGES } from './pages.js';
import { type PageResult, writeWebResults } from './report.js';
import { seedAccount } from './seed.js';
import { startWebServer } from './server.js';
import { setLocalStorage, signInInBrowser } from './sign-in.js';
import { verifyEmail } from './verify-email.js';

// `pnpm bench:web`: Lighthouse on the four pages of issue 18, against the production server. See bench/README.md.
const options = parseWebOptions(process.argv.slice(2));
const pages = PAGES.filter((page) => !options.only || options.only.includes(page.key));
if (!pages.length) throw new Error(`no page matches --only (pages: ${PAGES.map((p) => p.key).join(', ')})`);
const log = (line: string) => console.log(line);
const started = { at: new Date(), load: Math.round((os.loadavg()[0] ?? 0) * 10) / 10 };

if (options.keepDir) await mkdir(options.keepDir, { recursive: true });
const server = await startWebServer(options.distDir);
log(`server at ${server.url}`);
const results: PageResult[] = [];
let chromiumVersion = 'unknown';
try {
  const account = await seedAccount(server.url);
  await verifyEmail(server.url, server.mailDir);
  log(`seeded ${account.email} (address confirmed): 4 projects, 5 labels, 200 Inbox tasks, 30 per project`);
  const { browser, page: tab } = await launchChromium();
  chromiumVersion = (await browser.version()).replace(/^[^/]*\//, '');
  try {
    let signedIn = false;
    for (const page of pages) {
      if (page.signedIn && !signedIn) {
        await signInInBrowser(tab, server.url, account);
        signedIn = true;
      }
      await setLocalStorage(tab, server.url, page.localStorage?.(account) ?? {});
      const cookies = Object.entries(page.cookies?.(account) ?? {});
      if (cookies.length)
        await tab.setCookie(...cookies.map(([name, value]) => ({ name, value, url: server.url })));
      const url = `${server.url}${page.path(account)}`;
      const runs: PageResult['runs'] = [];
      for (let i = 1; i <= options.runs; i++) {
        const runStarted = Date.now();
        const keepAs = options.keepDir ? path.join(options.keepDir, `${page.key}-${i}.json`) : null;
        const summary = await withRetries(() => runLighthouse(tab, url, page.signedIn, keepAs), log);
        runs.push({ ...summary, seconds: Math.round((Date.now() - runStarted) / 100) / 10 });
        const s = summary.scores;
        const m = summary.metrics;
        log(
          `${page.key} #${i}: ${s.performance} / ${s.accessibility} / ${s['best-practices']}, ` +
            `FCP ${Math.round(m.fcp)} ms, LCP ${Math.round(m.lcp)} ms, TBT ${Math.round(m.tbt)} ms, CLS ${m.cls.toFixed(3)}` +
            `${summary.failedAudits.length ? `; failed: ${summary.failedAudits.map((a) => a.id).join(', ')}` : ''}`,
        );
      }
      const medians = mediansOf(runs);
      results.push({
        key: page.key,
        title: page.title,
        path: page.path(account),
        runs,
        medians,
        misses: budgetMisses(medians),
      });
    }
  } finally {
    await browser.close();
  }
} finally {
  await server.stop();
}

const context = describeRun(started, chromiumVersion, options.distDir);
const written = await writeWebResults({ context, budgets: WEB_BUDGETS, pages: results }, options.only);
log(
  `\nwrote ${written} (${context.seconds} s, load average ${context.loadAverage.start} → ${context.loadAverage.end})`,
);
const missed = results.filter((page) => page.misses.length);
for (const page of results) {
  log(
    `${page.misses.length ? 'MISSED' : 'pass  '} ${page.title}${page.misses.length ? `: ${page.misses.join('; ')}` : ''}`,
  );
}
if (missed.length && options.check) {
  console.error(
    `\nbench:web: ${missed.length} of ${results.length} pages missed their budgets (medians of ${options.runs} runs); see ${written}`,
  );
  process.exit(1);
}
