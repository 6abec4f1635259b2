import { createConnection, createServer, type Socket } from 'node:net';

/**
 * A loopback port that forwards to a PostgreSQL whose own port changes when it restarts, so the API keeps
 * one DATABASE_URL. While paused nothing listens: connecting is refused, as with PostgreSQL down.
 */
export interface TcpForwarder {
  port: number;
  pause(): Promise<void>;
  resume(targetPort: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpForwarder(initialTarget: number): Promise<TcpForwarder> {
  let target = initialTarget;
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    const upstream = createConnection(target, '127.0.0.1');
    track(client);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  const port = await listen(0);
  return {
    port,
    pause: stopListening,
    async resume(targetPort) {
      target = targetPort;
      await listen(port);
    },
    close: stopListening,
  };
}
