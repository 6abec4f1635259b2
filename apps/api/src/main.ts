import { loadEnv } from './env.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const logger = createLogger(env);
  const running = await startServer(env, logger);
  // Ctrl-C under `pnpm dev` reaches us more than once (the terminal, tsx, turbo): stop once.
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    running.close().then(
      () => {
        logger.info('shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // Last: whoever waits for this line may send a signal at once, and it must find the handlers.
  logger.info(
    { address: running.address, url: running.url, origin: env.APP_ORIGIN, env: env.NODE_ENV },
    `taskapp is listening on ${running.address}`,
  );
}

main().catch((error: unknown) => {
  console.error('taskapp failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
