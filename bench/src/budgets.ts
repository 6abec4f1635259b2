import type { BundleSize } from './bundle.js';
import type { BudgetResult, Measurement } from './measurements.js';

const ratio = (a: number, b: number) => Number((a / b).toFixed(2));

function find(measurements: Measurement[], workload: string, connections: number, dataset = 'large') {
  return measurements.find(
    (m) => m.workload === workload && m.connections === connections && m.dataset === dataset,
  );
}

/** Issue #6's budgets, from the measurements of one run. A budget whose inputs were not measured is left out. */
export function evaluateBudgets(measurements: Measurement[], bundle: BundleSize | null): BudgetResult[] {
  const budgets: BudgetResult[] = [];
  for (const m of measurements) {
    if (m.kind !== 'read' || m.connections !== 10 || m.dataset !== 'large' || !m.baseline) continue;
    const throughput = ratio(m.ours.rps, m.baseline.rps);
    budgets.push({
      name: `${m.title} @10: throughput vs baseline`,
      value: throughput,
      limit: '≥ 0.5',
      pass: throughput >= 0.5,
    });
    const p99 = ratio(m.ours.p99, m.baseline.p99);
    budgets.push({ name: `${m.title} @10: p99 vs baseline`, value: p99, limit: '≤ 2.5', pass: p99 <= 2.5 });
  }

  const page1 = find(measurements, 'heavy-page-1', 10);
  const page200 = find(measurements, 'heavy-page-200', 10);
  if (page1 && page200) {
    const cost = ratio(page200.ours.p50, page1.ours.p50);
    budgets.push({
      name: 'page 200 vs page 1 (heavy user, p50 @10)',
      value: cost,
      limit: '≤ 1.5',
      pass: cost <= 1.5,
    });
  }

  const large = find(measurements, 'list-first-page', 1, 'large');
  const small = find(measurements, 'list-first-page', 1, 'small');
  if (large && small) {
    const scale = ratio(large.ours.p50, small.ours.p50);
    budgets.push({
      name: 'list p50 @1: 1,000,000 vs 10,000 tasks',
      value: scale,
      limit: '≤ 1.5',
      pass: scale <= 1.5,
    });
  }

  if (bundle)
    budgets.push({
      name: 'initial JS gzip (kB)',
      value: bundle.initialJsGzipKb,
      limit: `≤ ${bundle.limitKb}`,
      pass: bundle.initialJsGzipKb <= bundle.limitKb,
    });

  const failures = measurements.reduce(
    (total, m) => total + m.ours.failures + (m.baseline?.failures ?? 0),
    0,
  );
  budgets.push({
    name: 'failed requests (non-2xx, errors, timeouts)',
    value: failures,
    limit: '= 0',
    pass: failures === 0,
  });
  return budgets;
}
