import { TRPCError } from '@trpc/server';

/** Missing and someone else's look the same: nobody learns which task ids exist. */
export const taskNotFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'That task does not exist.' });
