import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { findRepoRoot } from '@taskapp/db';
import { afterAll, describe, expect, it } from 'vitest';

// `pnpm lint` runs dependency-cruiser with the rules in .dependency-cruiser.cjs. This proves that each
// rule fails on a deliberate violation: probe files are written into the tree, cruised with the real
// configuration, and removed again.

const root = findRepoRoot();
const depcruise = path.join(root, 'node_modules', '.bin', 'depcruise');
const probes: string[] = [];

async function probe(file: string, source: string): Promise<string> {
  const absolute = path.join(root, file);
  probes.push(absolute);
  await writeFile(absolute, source);
  return file;
}

/** The rule names dependency-cruiser reports for these files (empty when they break none). */
async function violations(files: string[]): Promise<string[]> {
  const run = promisify(execFile)(
    depcruise,
    [...files, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  const { stdout } = await run.catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const result = JSON.parse(stdout) as { summary: { violations: { rule: { name: string } }[] } };
  return [...new Set(result.summary.violations.map((violation) => violation.rule.name))].sort();
}

afterAll(async () => {
  await Promise.all(probes.map((file) => rm(file, { force: true })));
});

describe('import boundaries (pnpm lint)', () => {
  it('refuses server code in the web app, but allows the router type', async () => {
    const runtime = await probe(
      'apps/web/src/runtime.boundary-probe.ts',
      "import { appRouter } from '@taskapp/api';\nexport const probe = appRouter;\n",
    );
    const typeOnly = await probe(
      'apps/web/src/type.boundary-probe.ts',
      "import type { AppRouter } from '@taskapp/api';\nexport type Probe = AppRouter;\n",
    );
    expect(await violations([runtime])).toContain('web-no-server-code');
    expect(await violations([typeOnly])).toEqual([]);
  }, 60_000);

  it('refuses the database package in the web app', async () => {
    const file = await probe(
      'apps/web/src/db.boundary-probe.ts',
      "import { openOrm } from '@taskapp/db';\nexport const probe = openOrm;\n",
    );
    expect(await violations([file])).toContain('web-no-database-code');
  }, 60_000);

  it('refuses imports up the package layers', async () => {
    const shared = await probe(
      'packages/shared/src/up.boundary-probe.ts',
      "import { openOrm } from '@taskapp/db';\nexport const probe = openOrm;\n",
    );
    const db = await probe(
      'packages/db/src/up.boundary-probe.ts',
      "import { createBackup } from '../../backup/src/create-backup.js';\nexport const probe = createBackup;\n",
    );
    expect(await violations([shared])).toContain('shared-imports-no-workspace-package');
    expect(await violations([db])).toContain('db-imports-only-shared');
  }, 60_000);

  it('refuses a reach into another domain past its public file', async () => {
    const file = await probe(
      'apps/api/src/tasks/reach.boundary-probe.ts',
      "import { hashPassword } from '../auth/passwords.js';\nexport const probe = hashPassword;\n",
    );
    const viaIndex = await probe(
      'apps/api/src/tasks/public.boundary-probe.ts',
      "import { hashPassword } from '../auth/index.js';\nexport const probe = hashPassword;\n",
    );
    expect(await violations([file])).toContain('domains-meet-through-public-files');
    expect(await violations([viaIndex])).toEqual([]);
  }, 60_000);

  it('refuses a cycle', async () => {
    const a = await probe(
      'apps/api/src/ops/a.boundary-probe.ts',
      "import { b } from './b.boundary-probe.js';\nexport const a = () => b;\n",
    );
    await probe(
      'apps/api/src/ops/b.boundary-probe.ts',
      "import { a } from './a.boundary-probe.js';\nexport const b = () => a;\n",
    );
    expect(await violations([a])).toContain('no-cycles');
  }, 60_000);
});
