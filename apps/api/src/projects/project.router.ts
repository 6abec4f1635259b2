import { createProjectInput, projectByIdInput, updateProjectInput } from '@taskapp/shared';
import { protectedProcedure, router } from '../trpc/init.js';
import { projectIdTaken, projectLimitReached, projectNotFound } from './project-errors.js';

/** Every procedure is scoped to ctx.userId; another user's project (or afterId) behaves like a missing one. */
export const projectRouter = router({
  list: protectedProcedure.query(({ ctx }) =>
    ctx.reads.read(ctx, (queries) => queries.projects.list(ctx.userId)),
  ),

  /** A client id the caller already has answers that project unchanged (a replayed offline create). */
  create: protectedProcedure.input(createProjectInput).mutation(async ({ ctx, input }) => {
    const result = await ctx.queries.projects.create(ctx.userId, input, ctx.now());
    if (result.kind === 'limit-reached') throw projectLimitReached();
    if (result.kind === 'id-taken') throw projectIdTaken();
    return result.project;
  }),

  update: protectedProcedure.input(updateProjectInput).mutation(async ({ ctx, input }) => {
    const { id, ...changes } = input;
    const result = await ctx.queries.projects.update(ctx.userId, id, changes, ctx.now());
    if (result.kind !== 'updated') throw projectNotFound();
    return result.project;
  }),

  /** Its tasks move to the Inbox; nothing else is lost. */
  delete: protectedProcedure.input(projectByIdInput).mutation(async ({ ctx, input }) => {
    if (!(await ctx.queries.projects.delete(ctx.userId, input.id))) throw projectNotFound();
    return { id: input.id };
  }),
});
