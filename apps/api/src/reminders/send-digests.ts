import type { ClaimedDigest, Queries } from '@taskapp/db/queries';
import { listTasksInput } from '@taskapp/shared';
import type { Logger } from '../logger.js';
import type { Mailer } from '../mail/index.js';
import { digestMail } from './digest-mail.js';
import { runLimited } from './run-limited.js';

export interface DigestDeps {
  queries: Queries;
  mailer: Mailer;
  appOrigin: string;
  logger: Logger;
}

const CLAIM_BATCH = 100;
const SEND_CONCURRENCY = 8;
/** A digest lists this many tasks at most, and says when there are more. */
const DIGEST_TASKS = 50;
const TODAY = listTasksInput.parse({ view: 'today', sort: 'dueDate', order: 'asc', limit: DIGEST_TASKS });

/**
 * One pass of the digest sender: claims every digest whose local time has come (once per user and local
 * day across instances, see dailyDigestQueries.claimDue) and mails what is overdue and due today. A day
 * with nothing overdue or due sends nothing: an empty mail every morning teaches people to ignore them.
 * A failed mail is not retried (tomorrow's lists the same tasks). Returns how many mails went out.
 */
export async function sendDueDigests(deps: DigestDeps, now: () => Date): Promise<number> {
  let mailed = 0;
  for (;;) {
    const claimed = await deps.queries.digests.claimDue(now(), CLAIM_BATCH);
    await runLimited(claimed, SEND_CONCURRENCY, async (digest) => {
      if (await sendOne(deps, digest, now)) mailed += 1;
    });
    if (claimed.length < CLAIM_BATCH) break;
  }
  if (mailed > 0) deps.logger.info({ digests: mailed }, 'daily digests sent');
  return mailed;
}

async function sendOne(deps: DigestDeps, digest: ClaimedDigest, now: () => Date): Promise<boolean> {
  try {
    // "Today" is the digest's own day, also when it goes out after midnight (within the grace window).
    const page = await deps.queries.tasks.list(digest.userId, TODAY, null, digest.sendAt);
    if (page.items.length > 0) {
      await deps.mailer.send(
        digestMail({
          to: digest.email,
          appOrigin: deps.appOrigin,
          timeZone: digest.timeZone,
          localDate: digest.localDate,
          tasks: page.items,
          more: page.next !== null,
        }),
      );
    }
    await deps.queries.digests.markSent(digest.userId, digest.localDate, now());
    return page.items.length > 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.logger.error({ user: digest.userId, day: digest.localDate }, `daily digest not sent: ${message}`);
    await deps.queries.digests.markFailed(digest.userId, digest.localDate, message).catch(() => {});
    return false;
  }
}
