import type { ExportCursor } from '@taskapp/db/queries';
import type { Request, Response } from 'express';
import { requireRecentSignIn } from '../auth/index.js';
import { DomainError, unauthorized } from '../domain-error.js';
import { authenticate } from '../trpc/authenticate.js';
import type { AppDependencies } from '../trpc/context.js';
import { createExpressContextFactory } from '../trpc/express-context.js';
import { asOneExport } from '../trpc/heavy-reads.js';
import { exportedAccount } from './export-data.js';

/** Tasks read per query: at most a few MB in memory (descriptions hold up to 10,000 characters). */
const PAGE_SIZE = 500;
/** Text gathered before it is handed to the socket. */
const WRITE_SIZE = 64 * 1024;

const STATUS: Partial<Record<DomainError['kind'], number>> = {
  unauthorized: 401,
  forbidden: 403,
  'rate-limited': 429,
};

/** The client went away: nothing is left to answer. */
class ClientGone extends Error {
  constructor() {
    super('the client closed the connection during the export');
  }
}

/**
 * GET /api/account/export: the data export as a JSON file, written as it is read, so the server's memory
 * stays the same whatever the person stores (up to 100,000 tasks of 10,000 characters). The same content
 * as `account.exportData`, dates as ISO strings, tasks last and oldest first. Signed in like any protected
 * call (`Authorization: Bearer <access token>`, the session still live) and limited like it: one export
 * per person at a time, the pause after a big one, the heavy-read pool and the export's statement timeout.
 *
 * A sign-in older than 30 minutes on this session is refused (403) until the password is confirmed again
 * (account.confirmPassword). A refusal before the first byte is a JSON error with its status (401, 403, 429); a failure after it cuts the
 * answer short (the download is incomplete, never a document that looks whole) and is logged.
 */
export function exportDownload(deps: AppDependencies) {
  const createContext = createExpressContextFactory(deps);
  return async (req: Request, res: Response): Promise<void> => {
    // Express routes HEAD to GET handlers; a HEAD would run the whole export to send no body.
    if (req.method === 'HEAD') {
      res.status(405).setHeader('Allow', 'GET').end();
      return;
    }
    const ctx = createContext({ req, res });
    let started = false;
    try {
      const session = await authenticate(ctx);
      if (!session) throw unauthorized('Sign in to continue.');
      const { userId } = session;
      await requireRecentSignIn(ctx.em, session.sessionId, ctx.now());
      await asOneExport(userId, async (exported) => {
        const account = await exportedAccount(ctx, userId, session.sessionId);
        const day = account.exportedAt.toISOString().slice(0, 10);
        res.status(200);
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Content-Disposition', `attachment; filename="taskapp-export-${day}.json"`);
        res.setHeader('Cache-Control', 'no-store');
        started = true;
        const out = writer(res);
        const { exportedAt, user, settings, sessions, projects, labels } = account;
        const head = JSON.stringify({ exportedAt, user, settings, sessions, projects, labels });
        // The same object, left open after its last field: `…,"labels":[…],"tasks":[`.
        await out.write(`${head.slice(0, -1)},"tasks":[`);
        let after: ExportCursor | null = null;
        let first = true;
        do {
          const page = await ctx.queries.tasks.exportPage(userId, after, PAGE_SIZE);
          for (const task of page.tasks) {
            await out.write(`${first ? '' : ','}${JSON.stringify(task)}`);
            first = false;
          }
          exported.tasks += page.tasks.length;
          after = page.next;
        } while (after);
        await out.write(']}\n');
        await out.end();
      });
    } catch (error) {
      if (!started) {
        answerRefusal(ctx.logger, res, error);
        return;
      }
      if (error instanceof ClientGone) ctx.logger.info('export download abandoned by the client');
      else ctx.logger.error({ err: error }, 'export download failed after it started');
      res.destroy();
    }
  };
}

function answerRefusal(logger: AppDependencies['logger'], res: Response, error: unknown) {
  const status = error instanceof DomainError ? (STATUS[error.kind] ?? 400) : 500;
  if (status === 500) logger.error({ err: error }, 'export download failed');
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(status).json({
    error:
      status === 500 || !(error instanceof Error)
        ? 'Something went wrong on our side. Please try again.'
        : error.message,
  });
}

/**
 * Writes text in chunks of about WRITE_SIZE, waiting for 'drain' whenever the socket (or the compressor
 * in front of it) is full, and failing with ClientGone once the client has gone. One 'drain' and one
 * 'close' listener for the whole answer: the compression middleware moves 'drain' listeners onto its
 * stream, where removing them from the response would not reach.
 */
function writer(res: Response) {
  let pending = '';
  let gone = false;
  let wake: (() => void) | null = null;
  res.on('drain', () => wake?.());
  res.on('close', () => {
    if (!res.writableFinished) gone = true;
    wake?.();
  });
  const flush = async () => {
    if (gone || res.destroyed) throw new ClientGone();
    const chunk = pending;
    pending = '';
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = null;
    }
    if (gone) throw new ClientGone();
  };
  return {
    async write(text: string) {
      pending += text;
      if (pending.length >= WRITE_SIZE) await flush();
    },
    /** Sends what is left and resolves once the answer has been handed to the socket, or the client left. */
    async end() {
      if (pending) await flush();
      await new Promise<void>((resolve) => {
        res.once('finish', resolve);
        res.once('close', resolve);
        res.end();
      });
    },
  };
}
