import { PUBLIC_PROCEDURES } from '@taskapp/shared/constants';

/** Same-origin in production (the API serves the SPA) and through Vite's proxy in development. */
export const API_URL = '/api/trpc';

/** The data export as a streamed JSON file (GET, `Authorization: Bearer`), outside tRPC. */
export const EXPORT_URL = '/api/account/export';

const publicProcedures = new Set<string>(PUBLIC_PROCEDURES);

/** Whether a procedure works without the access token; a 401 from any other one means "refresh and retry". */
export function isPublicProcedure(path: string): boolean {
  return publicProcedures.has(path);
}
