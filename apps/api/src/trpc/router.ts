import { accountRouter } from '../routers/account.router.js';
import { authRouter } from '../routers/auth.router.js';
import { healthRouter } from '../routers/health.router.js';
import { taskRouter } from '../routers/task.router.js';
import { router } from './init.js';

export const appRouter = router({
  health: healthRouter,
  auth: authRouter,
  account: accountRouter,
  task: taskRouter,
});

export type AppRouter = typeof appRouter;
