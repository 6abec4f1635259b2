import { describe, expect, it } from 'vitest';
import { userLanes } from '../src/trpc/user-lanes.js';

/** A piece of work that ends when told to, recording that it started. */
function gate(started: string[], name: string) {
  let open = () => {};
  const done = new Promise<void>((resolve) => (open = resolve));
  const work = async () => {
    started.push(name);
    await done;
    return name;
  };
  return { work, open };
}

describe('userLanes', () => {
  it('runs a few of one person’s calls at once, lets more wait their turn, refuses the rest', async () => {
    const lanes = userLanes({ running: 2, queued: 1, refusal: 'Too many at once.' });
    const started: string[] = [];
    const [a, b, c] = [gate(started, 'a'), gate(started, 'b'), gate(started, 'c')];
    const running = [lanes.run('ann', a.work), lanes.run('ann', b.work), lanes.run('ann', c.work)];
    await expect(lanes.run('ann', async () => 'd')).rejects.toMatchObject({ message: 'Too many at once.' });
    await Promise.resolve();
    expect(started).toEqual(['a', 'b']);

    // Someone else never waits in Ann's lane.
    await expect(lanes.run('bob', async () => 'bob')).resolves.toBe('bob');

    a.open();
    await running[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b', 'c']);
    b.open();
    c.open();
    await expect(Promise.all(running)).resolves.toEqual(['a', 'b', 'c']);
    // All places are free again.
    await expect(
      Promise.all([lanes.run('ann', async () => 1), lanes.run('ann', async () => 2)]),
    ).resolves.toEqual([1, 2]);
  });

  it('gives the place back when the work fails', async () => {
    const lanes = userLanes({ running: 1, queued: 0, refusal: 'busy' });
    await expect(lanes.run('ann', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lanes.run('ann', async () => 'ok')).resolves.toBe('ok');
  });
});
