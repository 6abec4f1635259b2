/** One reading of an API instance's memory, from its /metrics (prom-client's default process metrics). */
export interface MemorySample {
  /** Seconds since the soak's streams were all open. */
  atSeconds: number;
  rssMb: number;
  heapUsedMb: number;
  /** Requests waiting for a database connection: a queue there delays every stream's read. */
  poolWaiting: number;
}

export interface MemoryTrend {
  /** Before any stream was open. */
  idle: MemorySample;
  /** The first reading after the warm-up, and the last one. */
  start: MemorySample;
  end: MemorySample;
  /**
   * The lowest heap and RSS in each of four equal stretches after the warm-up: what the garbage collector
   * leaves. The heap saw-tooths between collections, so raw start vs end says little; the floors rising
   * from stretch to stretch is what steady growth looks like.
   */
  floors: MemorySample[];
  /** Least-squares slopes of the floors, MB per minute: flat memory is near zero. */
  rssFloorMbPerMinute: number;
  heapFloorMbPerMinute: number;
  /** The most requests seen waiting for a database connection at once. */
  maxPoolWaiting: number;
  samples: MemorySample[];
}

const STRETCHES = 4;

const MB = 1024 * 1024;

function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`/metrics has no ${name}`);
  return Number(line.slice(name.length + 1).split(' ')[0]);
}

export async function readMemory(baseUrl: string, metricsToken: string, atSeconds: number) {
  const response = await fetch(`${baseUrl}/metrics`, {
    headers: { authorization: `Bearer ${metricsToken}` },
  });
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  const text = await response.text();
  const round = (bytes: number) => Number((bytes / MB).toFixed(1));
  return {
    atSeconds: Number(atSeconds.toFixed(1)),
    rssMb: round(metric(text, 'taskapp_process_resident_memory_bytes')),
    heapUsedMb: round(metric(text, 'taskapp_nodejs_heap_size_used_bytes')),
    poolWaiting: metric(text, 'taskapp_db_pool_waiting_requests'),
  } satisfies MemorySample;
}

function slopePerMinute(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - meanX) * (p.y - meanY), 0);
  const sxx = points.reduce((s, p) => s + (p.x - meanX) ** 2, 0);
  return sxx ? Number(((sxy / sxx) * 60).toFixed(2)) : 0;
}

function floorsOf(samples: MemorySample[]): MemorySample[] {
  const first = samples[0]?.atSeconds ?? 0;
  const span = ((samples.at(-1)?.atSeconds ?? 0) - first) / STRETCHES;
  return Array.from({ length: STRETCHES }, (_, i) => {
    const stretch = samples.filter((s) => {
      const index = span ? Math.min(STRETCHES - 1, Math.floor((s.atSeconds - first) / span)) : 0;
      return index === i;
    });
    const lowest = (read: (s: MemorySample) => number) => Math.min(...stretch.map(read));
    return {
      atSeconds: stretch[0]?.atSeconds ?? first,
      rssMb: lowest((s) => s.rssMb),
      heapUsedMb: lowest((s) => s.heapUsedMb),
      poolWaiting: lowest((s) => s.poolWaiting),
    };
  }).filter((floor) => Number.isFinite(floor.heapUsedMb));
}

/** Start vs end, the floors and their slopes after `warmupSeconds`. */
export function memoryTrend(idle: MemorySample, samples: MemorySample[], warmupSeconds: number): MemoryTrend {
  const settled = samples.filter((s) => s.atSeconds >= warmupSeconds);
  const start = settled[0] ?? idle;
  const floors = floorsOf(settled);
  return {
    idle,
    start,
    end: settled.at(-1) ?? start,
    floors,
    rssFloorMbPerMinute: slopePerMinute(floors.map((s) => ({ x: s.atSeconds, y: s.rssMb }))),
    heapFloorMbPerMinute: slopePerMinute(floors.map((s) => ({ x: s.atSeconds, y: s.heapUsedMb }))),
    maxPoolWaiting: Math.max(0, ...samples.map((s) => s.poolWaiting)),
    samples,
  };
}
