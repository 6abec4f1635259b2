import { rateLimited } from '../domain-error.js';

interface Lane {
  running: number;
  waiting: (() => void)[];
}

export interface UserLanes {
  /** Runs `work` in one of the person's places, after waiting its turn; refused when too many wait. */
  run<T>(userId: string, work: () => Promise<T>): Promise<T>;
}

/**
 * Per API instance and per person: at most `running` pieces of work at once, `queued` more waiting
 * their turn, and anything beyond refused with TOO_MANY_REQUESTS (`refusal`). Nobody else waits in
 * someone's lane, so one person's burst takes a bounded share of the server and the database pool.
 */
export function userLanes({
  running,
  queued,
  refusal,
}: {
  running: number;
  queued: number;
  refusal: string;
}): UserLanes {
  const lanes = new Map<string, Lane>();

  async function takePlace(userId: string): Promise<void> {
    let lane = lanes.get(userId);
    if (!lane) {
      lane = { running: 0, waiting: [] };
      lanes.set(userId, lane);
    }
    if (lane.running < running) {
      lane.running += 1;
      return;
    }
    if (lane.waiting.length >= queued) throw rateLimited(refusal);
    // The place is handed over by the work that ends (running stays the same).
    await new Promise<void>((resolve) => lane.waiting.push(resolve));
  }

  function givePlaceBack(userId: string): void {
    const lane = lanes.get(userId);
    if (!lane) return;
    const next = lane.waiting.shift();
    if (next) next();
    else if (--lane.running === 0) lanes.delete(userId);
  }

  return {
    async run(userId, work) {
      await takePlace(userId);
      try {
        return await work();
      } finally {
        givePlaceBack(userId);
      }
    },
  };
}
