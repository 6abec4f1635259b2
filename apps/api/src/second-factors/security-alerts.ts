import type { User } from '@taskapp/db';
import { type SecurityEvent, securityAlertMail, sendInBackground } from '../mail/index.js';
import type { Context } from '../trpc/context.js';

/** Mails the account's owner about a change to its security; never holds up the request that made it. */
export function alertOwner(
  ctx: Pick<Context, 'env' | 'mailer' | 'logger' | 'now'>,
  user: Pick<User, 'email'>,
  event: SecurityEvent,
): void {
  sendInBackground(
    ctx.mailer,
    securityAlertMail(user.email, ctx.env.APP_ORIGIN, event, ctx.now()),
    ctx.logger,
  );
}
