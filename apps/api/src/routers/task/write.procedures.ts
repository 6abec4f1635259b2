import { LockMode, TaskSchema, UserSchema } from '@taskapp/db';
import { createTaskInput, restoreTaskInput, taskByIdInput, updateTaskInput } from '@taskapp/shared';
import { TRPCError } from '@trpc/server';
import { protectedProcedure } from '../../trpc/init.js';
import { toTaskDto } from '../dto.js';
import { taskNotFound } from './errors.js';

/** completedAt belongs to the server: set when a task becomes completed, cleared when it leaves. */
function completedAtFor(status: string, previous: Date | null | undefined, now: Date): Date | null {
  if (status !== 'completed') return null;
  return previous ?? now;
}

/** task.create, task.update, task.delete and task.restore. */
export const taskWriteProcedures = {
  create: protectedProcedure.input(createTaskInput).mutation(async ({ ctx, input }) => {
    const now = new Date();
    const status = input.status ?? 'pending';
    const task = ctx.em.create(TaskSchema, {
      ...input,
      status,
      user: ctx.em.getReference(UserSchema, ctx.userId),
      completedAt: completedAtFor(status, null, now),
      createdAt: now,
      updatedAt: now,
    });
    await ctx.em.flush();
    return toTaskDto(task);
  }),

  update: protectedProcedure.input(updateTaskInput).mutation(async ({ ctx, input }) => {
    const { id, expectedUpdatedAt, ...changes } = input;
    const task = await ctx.em.transactional(async (tx) => {
      const task = await tx.findOne(
        TaskSchema,
        { id, user: ctx.userId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!task) throw taskNotFound();
      if (expectedUpdatedAt && task.updatedAt.getTime() !== expectedUpdatedAt.getTime()) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: 'This task changed since you opened it. Reload it to see the latest version.',
        });
      }
      const now = new Date();
      tx.assign(task, changes);
      if (changes.status !== undefined)
        task.completedAt = completedAtFor(changes.status, task.completedAt, now);
      task.updatedAt = now;
      return task;
    });
    return toTaskDto(task);
  }),

  delete: protectedProcedure.input(taskByIdInput).mutation(async ({ ctx, input }) => {
    const deleted = await ctx.em.nativeDelete(TaskSchema, { id: input.id, user: ctx.userId });
    if (!deleted) throw taskNotFound();
    return { id: input.id };
  }),

  /** Puts a deleted task back exactly as it was (same id and fields): the "Undo" after a delete. */
  restore: protectedProcedure.input(restoreTaskInput).mutation(async ({ ctx, input }) => {
    const rows = await ctx.em.execute<{ id: string }[]>(
      `insert into "tasks" ("id", "user_id", "title", "description", "status", "priority", "due_date", "completed_at", "created_at", "updated_at")
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict ("id") do nothing
       returning "id"`,
      [
        input.id,
        ctx.userId,
        input.title,
        input.description,
        input.status,
        input.priority,
        input.dueDate,
        input.status === 'completed' ? (input.completedAt ?? new Date()) : null,
        input.createdAt,
        input.updatedAt,
      ],
    );
    if (!rows.length) throw new TRPCError({ code: 'CONFLICT', message: 'That task already exists.' });
    const task = await ctx.em.findOneOrFail(TaskSchema, { id: input.id, user: ctx.userId });
    return toTaskDto(task);
  }),
};
