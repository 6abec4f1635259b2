import { databaseSettings, provideDatabase, UserSchema, withMigratedOrm } from '@taskapp/db';
import { hashPassword } from '../auth/index.js';
import { loadEnv } from '../env.js';
import { createDemoData } from './demo-data.js';
import { demoTasks } from './demo-tasks.js';

const DEMO_EMAIL = 'demo@taskapp.dev';
const DEMO_PASSWORD = 'taskapp-demo-2026';
const DEMO_TASK_COUNT = 300;

/**
 * Creates (or recreates) the demo account with a few hundred tasks, some in projects, with labels and
 * subtasks, and prints how to sign in.
 */
async function seed(): Promise<void> {
  const env = loadEnv();
  const database = await provideDatabase(env);
  try {
    await withMigratedOrm(databaseSettings(env, database.url), async (orm) => {
      const em = orm.em.fork();
      // Recreating is simpler than merging: the cascade removes the old demo tasks and sessions.
      await em.nativeDelete(UserSchema, { email: DEMO_EMAIL });
      const user = em.create(UserSchema, {
        email: DEMO_EMAIL,
        name: 'Demo User',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        isVerified: true,
      });
      createDemoData(em, user, demoTasks(DEMO_TASK_COUNT));
      await em.flush();
    });
    console.log(`Seeded ${DEMO_TASK_COUNT} tasks for the demo account.`);
    console.log(`  email:    ${DEMO_EMAIL}`);
    console.log(`  password: ${DEMO_PASSWORD}`);
  } finally {
    await database.stop();
  }
}

seed().catch((error: unknown) => {
  console.error('Seeding failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
