import { router } from '../trpc/init.js';
import { taskBulkProcedures } from './bulk.procedures.js';
import { taskMoveProcedures } from './move.procedures.js';
import { taskReadProcedures } from './read.procedures.js';
import { taskWriteProcedures } from './write.procedures.js';

/** Every procedure is protected and scoped to ctx.userId; another user's task behaves like a missing one. */
export const taskRouter = router({
  ...taskReadProcedures,
  ...taskWriteProcedures,
  ...taskBulkProcedures,
  ...taskMoveProcedures,
});
