import { pushSubscribeInput, pushUnsubscribeInput } from '@taskapp/shared';
import { invalid } from '../domain-error.js';
import { protectedProcedure, router } from '../trpc/init.js';
import { pushKeysProblem } from './push-keys.js';

/** Web Push subscriptions of the caller's browsers (issue 15). */
export const pushRouter = router({
  /** The VAPID public key to subscribe with; null when this server has push off. */
  publicKey: protectedProcedure.query(({ ctx }) => ({ publicKey: ctx.push.publicKey })),

  /** Saves this browser's PushSubscription (re-subscribing updates its keys and choice). */
  subscribe: protectedProcedure.input(pushSubscribeInput).mutation(async ({ ctx, input }) => {
    if (!ctx.push.enabled) throw invalid('Push notifications are turned off on this server');
    if (!ctx.push.allowsEndpoint(input.endpoint)) {
      throw invalid("This push endpoint is not one of the browsers' push services", 'endpoint');
    }
    const keysProblem = pushKeysProblem(input.keys);
    if (keysProblem)
      throw invalid(`This subscription's keys cannot encrypt a message: ${keysProblem}`, 'keys');
    await ctx.queries.pushSubscriptions.subscribe(ctx.userId, {
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      hideTitles: input.hideTitles ?? false,
    });
    return { endpoint: input.endpoint };
  }),

  /** Forgets this browser; answers the same whether or not it was subscribed (unsubscribing twice is fine). */
  unsubscribe: protectedProcedure.input(pushUnsubscribeInput).mutation(async ({ ctx, input }) => {
    await ctx.queries.pushSubscriptions.unsubscribe(ctx.userId, input.endpoint);
    return { endpoint: input.endpoint };
  }),
});
