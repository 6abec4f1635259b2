import { createTestDatabase, type TestDatabase, waitFor } from '@taskapp/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer } from './helpers/server-process.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('Ctrl-C under pnpm dev', () => {
  // The terminal, tsx watch and turbo each pass the SIGINT on, so the server gets it more than once.
  it('stops once and exits 0 when SIGINT arrives twice', { timeout: 60_000 }, async () => {
    const server = await spawnServer({ DATABASE_URL: database.url });
    server.child.kill('SIGINT');
    await waitFor(() => server.logs.join('').includes('shutting down'), { what: 'the shutdown to start' });
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    const output = server.logs.join('');
    expect(output.match(/shutting down: finishing in-flight requests/g)).toHaveLength(1);
    expect(output).toContain('shut down cleanly');
  });
});
