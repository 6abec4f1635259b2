import { accountRouter } from '../account/account.router.js';
import { authRouter } from '../auth/auth.router.js';
import { healthRouter } from '../ops/health.router.js';
import { labelRouter } from '../projects/label.router.js';
import { projectRouter } from '../projects/project.router.js';
import { pushRouter } from '../reminders/push.router.js';
import { reminderRouter } from '../reminders/reminder.router.js';
import { syncRouter } from '../sync/sync.router.js';
import { taskRouter } from '../tasks/task.router.js';
import { router } from './init.js';

// Each domain's router is its public face to tRPC; everything else a domain offers goes through its index.ts.
export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  account: accountRouter,
  task: taskRouter,
  project: projectRouter,
  label: labelRouter,
  sync: syncRouter,
  reminder: reminderRouter,
  push: pushRouter,
});

export type AppRouter = typeof appRouter;
