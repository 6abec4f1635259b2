// Labels live in the projects domain: DESIGN's layout names `projects/` (and no labels domain), and the
// two are one concern (how a person organises tasks) sharing their rules: owner-scoped, per-person limits,
// names and colours.
import { createLabelInput, labelByIdInput, updateLabelInput } from '@taskapp/shared';
import { protectedProcedure, router } from '../trpc/init.js';
import { labelIdTaken, labelLimitReached, labelNameTaken, labelNotFound } from './project-errors.js';

/** Every procedure is scoped to ctx.userId; another user's label behaves like a missing one. */
export const labelRouter = router({
  list: protectedProcedure.query(({ ctx }) =>
    ctx.reads.read(ctx, (queries) => queries.labels.list(ctx.userId)),
  ),

  /** A client id the caller already has answers that label unchanged (a replayed offline create). */
  create: protectedProcedure.input(createLabelInput).mutation(async ({ ctx, input }) => {
    const result = await ctx.queries.labels.create(ctx.userId, input, ctx.now());
    if (result.kind === 'limit-reached') throw labelLimitReached();
    if (result.kind === 'duplicate') throw labelNameTaken(input.name);
    if (result.kind === 'id-taken') throw labelIdTaken();
    return result.label;
  }),

  update: protectedProcedure.input(updateLabelInput).mutation(async ({ ctx, input }) => {
    const { id, ...changes } = input;
    const result = await ctx.queries.labels.update(ctx.userId, id, changes, ctx.now());
    if (result.kind === 'missing') throw labelNotFound();
    if (result.kind === 'duplicate') throw labelNameTaken(changes.name ?? '');
    return result.label;
  }),

  /** Removed from every task that had it. */
  delete: protectedProcedure.input(labelByIdInput).mutation(async ({ ctx, input }) => {
    if (!(await ctx.queries.labels.delete(ctx.userId, input.id))) throw labelNotFound();
    return { id: input.id };
  }),
});
