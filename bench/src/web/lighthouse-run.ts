import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import lighthouse, { type Config, type Result } from 'lighthouse';
import type { Page } from 'puppeteer-core';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
export type Category = (typeof CATEGORIES)[number];

/** What one Lighthouse run says about a page: the scores, the timings and what held them back. */
export interface RunSummary {
  scores: Record<Category, number>;
  /** Simulated (Lantern) milliseconds, except CLS (unitless). */
  metrics: { fcp: number; lcp: number; tbt: number; speedIndex: number; cls: number };
  /** Audits that count towards a category's score and did not pass, e.g. "errors-in-console". */
  failedAudits: { id: string; category: Category; title: string; score: number; displayValue?: string }[];
  /** The console errors Lighthouse saw (best practices' errors-in-console). */
  consoleErrors: string[];
  bytes: { total: number; unusedJs: number; uncompressed: number };
  warnings: string[];
  /** Lighthouse's measure of this machine's speed at the time (higher is faster; it drops under load). */
  benchmarkIndex: number;
}

/**
 * Lighthouse's defaults (mobile: a Moto G Power screen, simulated slow 4G, 4× CPU slowdown). Its storage
 * reset clears the HTTP cache, service workers and Cache Storage before each run; IndexedDB is cleared too,
 * so a signed-in page finds no saved lists and must fetch its first list. Cookies and localStorage stay:
 * the session and a project's remembered board layout survive, as they would on a phone.
 */
function configFor(signedIn: boolean): Config {
  const storage: Config['settings'] = {
    clearStorageTypes: [
      'file_systems',
      'shader_cache',
      'service_workers',
      'cache_storage',
      'indexeddb',
      ...(signedIn ? [] : (['cookies', 'local_storage'] as const)),
    ],
  };
  return {
    extends: 'lighthouse:default',
    settings: {
      onlyCategories: [...CATEGORIES],
      ...storage,
      // A signed-in page keeps its live-sync stream open: an XHR through the EventSource polyfill, which
      // Lighthouse cannot tell from a request still loading, so the network never goes quiet and it would
      // wait its full 45 s on every run. Everything measured has happened well within 15 s.
      maxWaitForLoad: 15_000,
      // Only the HTML report shows it; it costs seconds per run.
      disableFullPageScreenshot: true,
    },
  };
}

const numeric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;

function summarise(lhr: Result): RunSummary {
  const failedAudits: RunSummary['failedAudits'] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      failedAudits.push({
        id: ref.id,
        category,
        title: audit.title,
        score: audit.score,
        ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      });
    }
  }
  const consoleItems = (
    lhr.audits['errors-in-console']?.details as { items?: { description?: string; url?: string }[] }
  )?.items;
  const wasted = (id: string) =>
    (lhr.audits[id]?.details as { overallSavingsBytes?: number } | undefined)?.overallSavingsBytes ?? 0;
  return {
    scores: Object.fromEntries(
      CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)]),
    ) as Record<Category, number>,
    metrics: {
      fcp: numeric(lhr, 'first-contentful-paint'),
      lcp: numeric(lhr, 'largest-contentful-paint'),
      tbt: numeric(lhr, 'total-blocking-time'),
      speedIndex: numeric(lhr, 'speed-index'),
      cls: numeric(lhr, 'cumulative-layout-shift'),
    },
    failedAudits,
    consoleErrors: (consoleItems ?? []).map((item) => `${item.description ?? ''} ${item.url ?? ''}`.trim()),
    bytes: {
      total: numeric(lhr, 'total-byte-weight'),
      unusedJs: wasted('unused-javascript'),
      uncompressed: wasted('uses-text-compression'),
    },
    warnings: lhr.runWarnings,
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
  };
}

/** One Lighthouse navigation of `url` in the given tab; the full report goes to `keepDir` when given. */
export async function runLighthouse(
  page: Page,
  url: string,
  signedIn: boolean,
  keepAs: string | null,
): Promise<RunSummary> {
  const result = await lighthouse(url, { logLevel: 'error', output: 'json' }, configFor(signedIn), page);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (result.lhr.runtimeError)
    throw new Error(`Lighthouse failed on ${url}: ${result.lhr.runtimeError.message}`);
  if (keepAs) await writeFile(path.resolve(keepAs), JSON.stringify(result.lhr));
  return summarise(result.lhr);
}

/**
 * Lighthouse sometimes fails to record a trace on a busy machine (NO_NAVSTART, NO_FCP…): such a run
 * measured nothing, so it is run again, at most twice. A page that never loads still fails.
 */
export async function withRetries<T>(run: () => Promise<T>, log: (line: string) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`  run failed (${(error as Error).message}); trying again`);
    }
  }
}
