import { spawn } from 'node:child_process';
import type { DatabaseEnv } from '../database-env.js';
import { findRepoRoot, provideDatabase } from '../local-database.js';
import { databaseSettings, migrateToLatest, openOrm } from '../orm.js';

/**
 * Runs a command (e.g. `turbo run dev`) against a migrated database. With no DATABASE_URL the
 * embedded server is started first and stopped after the command ends, Ctrl-C included.
 */
export async function runWithDatabase(env: DatabaseEnv, command: string[]): Promise<number> {
  const [program, ...args] = command;
  if (!program) throw new Error('with-database needs a command after --');
  const database = await provideDatabase(env);
  try {
    const orm = await openOrm(databaseSettings(env, database.url));
    try {
      await migrateToLatest(orm);
    } finally {
      await orm.close();
    }
    // From the repository root: turbo scopes itself to the package it is started in.
    const child = spawn(program, args, {
      cwd: findRepoRoot(),
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: database.url },
    });
    // The terminal sends Ctrl-C to the child too; wait for it to finish before stopping the database.
    // A Ctrl-C is how a developer ends `pnpm dev`: that is success, not a failed command to report.
    let interrupted = false;
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', () => {
      interrupted = true;
    });
    process.on('SIGTERM', forward);
    return await new Promise<number>((resolve) => {
      child.on('exit', (code, signal) => resolve(interrupted ? 0 : (code ?? (signal ? 128 + 2 : 1))));
      child.on('error', (error) => {
        console.error(`Could not run ${program}: ${error.message}`);
        resolve(127);
      });
    });
  } finally {
    await database.stop();
  }
}
