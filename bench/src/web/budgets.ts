import type { Category, RunSummary } from './lighthouse-run.js';

/** Issue 18's budgets, on every page, against the median of the runs. */
export const WEB_BUDGETS = {
  minScores: { performance: 95, accessibility: 100, 'best-practices': 100 } satisfies Record<
    Category,
    number
  >,
  maxLcpMs: 2_000,
  maxTbtMs: 150,
};

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface PageMedians {
  scores: Record<Category, number>;
  metrics: RunSummary['metrics'];
  bytes: RunSummary['bytes'];
}

/** Each number's own median over the runs (not the numbers of one "median run"). */
export function mediansOf(runs: RunSummary[]): PageMedians {
  const of = <T extends Record<string, number>>(pick: (run: RunSummary) => T): T => {
    const first = pick(runs[0] as RunSummary);
    return Object.fromEntries(
      Object.keys(first).map((key) => [key, median(runs.map((run) => pick(run)[key] as number))]),
    ) as T;
  };
  return {
    scores: of((run) => run.scores),
    metrics: of((run) => run.metrics),
    bytes: of((run) => run.bytes),
  };
}

/** The budgets a page's medians miss, each as a sentence; empty when it meets them all. */
export function budgetMisses(medians: PageMedians): string[] {
  const misses: string[] = [];
  for (const [category, minimum] of Object.entries(WEB_BUDGETS.minScores) as [Category, number][]) {
    if (medians.scores[category] < minimum)
      misses.push(`${category} ${medians.scores[category]} < ${minimum}`);
  }
  if (medians.metrics.lcp > WEB_BUDGETS.maxLcpMs)
    misses.push(`LCP ${Math.round(medians.metrics.lcp)} ms > ${WEB_BUDGETS.maxLcpMs} ms`);
  if (medians.metrics.tbt > WEB_BUDGETS.maxTbtMs)
    misses.push(`TBT ${Math.round(medians.metrics.tbt)} ms > ${WEB_BUDGETS.maxTbtMs} ms`);
  return misses;
}
