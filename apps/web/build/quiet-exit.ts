import type { Plugin } from 'vite';

/**
 * Ctrl-C ends the dev server with status 0 once it has closed. Without this Vite dies of the signal and
 * pnpm reports "ELIFECYCLE Command failed" for what was a normal stop. Not under Vitest, which loads
 * this config too and handles Ctrl-C itself.
 */
export function quietExit(): Plugin {
  return {
    name: 'taskapp-quiet-exit',
    apply: 'serve',
    configureServer(server) {
      if (process.env.VITEST) return;
      process.once('SIGINT', () => {
        server.close().finally(() => process.exit(0));
      });
    },
  };
}
