import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BOARDS_COOKIE, SIDEBAR_COOKIE } from '@taskapp/shared';
import { parseCookie } from 'cookie';
import type { Request } from 'express';
import { PAGE_COOKIE, readPageCredential } from '../auth/index.js';
import { type AppDependencies, createInnerContext } from '../trpc/context.js';
import { createCallerFactory } from '../trpc/init.js';
import { appRouter } from '../trpc/router.js';

/** What apps/web/build/place-renderer.ts builds (apps/web/src/prerender/render-place.tsx). */
const PLACE_RENDERER_FILE = '.vite/ssr/render-place.mjs';

interface PlaceRenderer {
  renderPlace(request: {
    url: string;
    user: unknown;
    call: (procedure: string, input: unknown) => Promise<unknown>;
    phone: boolean;
    boardProjects: readonly string[];
    sidebarCollapsed: boolean;
  }): Promise<RenderedPlace | null>;
}

/** A signed-in person's first screen: its markup, title (escaped) and the data it was drawn from. */
export interface RenderedPlace {
  title: string;
  markup: string;
  /** superjson text of the app's dehydrated query cache. */
  data: string;
}

const createCaller = createCallerFactory(appRouter);
const procedures = appRouter._def.procedures as unknown as Record<
  string,
  { _def: { type: string } } | undefined
>;

/** A phone, by its client hint or else its user agent: it gets the phone layout. */
function isPhone(req: Request): boolean {
  const hint = req.headers['sec-ch-ua-mobile'];
  if (hint === '?1') return true;
  if (hint === '?0') return false;
  return /\bMobi|Android/.test(req.headers['user-agent'] ?? '');
}

/**
 * Renders the first screen of a task place for the person whose page credential the request carries
 * (auth/page-credential.ts), with their data, through the web app's own components (its server build in
 * dist/.vite/ssr). Queries only: the screen's reads run as that person through the API's procedures, in
 * this process. Null when the build has no renderer; the function answers null for a request without a
 * live session, or whose page could not be rendered (the app then draws it as before).
 */
export function placeRendering(
  distDir: string,
  deps: AppDependencies,
): ((req: Request) => Promise<RenderedPlace | null>) | null {
  const file = path.join(distDir, PLACE_RENDERER_FILE);
  if (!existsSync(file)) return null;
  let renderer: Promise<PlaceRenderer> | null = null;
  return async (req) => {
    const cookies = parseCookie(req.headers.cookie ?? '');
    const owner = readPageCredential(cookies[PAGE_COOKIE], deps.env.AUTH_SECRET);
    if (!owner) return null;
    const session = await deps.sessions.findLive(owner.userId, owner.sessionId);
    if (!session) return null;
    const caller = createCaller(createInnerContext(deps, session));
    const call = (procedure: string, input: unknown): Promise<unknown> => {
      if (procedures[procedure]?._def.type !== 'query')
        return Promise.reject(new Error(`${procedure} is not a read`));
      const run = procedure
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
        input: unknown,
      ) => Promise<unknown>;
      return run(input);
    };
    renderer ??= import(pathToFileURL(file).href) as Promise<PlaceRenderer>;
    try {
      return await (await renderer).renderPlace({
        url: req.originalUrl,
        user: await caller.auth.me(),
        call,
        phone: isPhone(req),
        boardProjects: (cookies[BOARDS_COOKIE] ?? '').split('.').filter(Boolean),
        sidebarCollapsed: cookies[SIDEBAR_COOKIE] === '1',
      });
    } catch (error) {
      deps.logger.warn({ err: error }, 'a first screen could not be rendered; the app draws it');
      return null;
    }
  };
}
