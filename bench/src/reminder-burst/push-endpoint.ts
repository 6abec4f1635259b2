import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SubscriberKeys } from './push-keys.js';
import { DeliveryTally } from './tally.js';

export interface PushEndpoint {
  /** Subscriptions post to `${baseUrl}/<anything>`; each path is counted apart. */
  baseUrl: string;
  received(): number;
  /** When the last push arrived (epoch ms), 0 before any. */
  lastAt(): number;
  perPath: Map<string, number>;
  /** Decrypts everything received (after the burst: the bench's CPU is not taken from the servers). */
  tally(keys: SubscriberKeys): DeliveryTally;
  close(): Promise<void>;
}

/** A push service on loopback: takes every message with 201, as FCM or Mozilla's would, and keeps it. */
export async function startPushEndpoint(): Promise<PushEndpoint> {
  const bodies: { body: Buffer; at: number }[] = [];
  const perPath = new Map<string, number>();
  let lastAt = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      perPath.set(path, (perPath.get(path) ?? 0) + 1);
      lastAt = Date.now();
      bodies.push({ body: Buffer.concat(chunks), at: lastAt });
      response.writeHead(201).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received: () => bodies.length,
    lastAt: () => lastAt,
    perPath,
    tally(keys) {
      const tally = new DeliveryTally();
      for (const { body, at } of bodies) {
        let taskId: string | null = null;
        try {
          taskId = (JSON.parse(keys.decrypt(body)) as { taskId?: string }).taskId ?? null;
        } catch {
          // Counted as unreadable.
        }
        tally.record(taskId, at);
      }
      return tally;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
