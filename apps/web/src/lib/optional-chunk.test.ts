import { describe, expect, it } from 'vitest';
import { optionalChunk } from './optional-chunk';

const Real = () => null;
const Fallback = () => null;

describe('optionalChunk', () => {
  it('gives the loaded component when its chunk loads', async () => {
    const load = optionalChunk(async () => ({ default: Real }), Fallback);
    expect((await load()).default).toBe(Real);
  });

  it('gives the fallback, not a failure, when the chunk cannot be fetched', async () => {
    const load = optionalChunk(async () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    }, Fallback);
    expect((await load()).default).toBe(Fallback);
  });
});
