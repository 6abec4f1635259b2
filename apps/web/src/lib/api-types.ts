import type { AppRouter } from '@taskapp/api';
import type { inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';

// Output types come from the router itself, so the web app never keeps a copy of the API's shapes.
type Api = TRPCOptionsProxy<AppRouter>;

/** What register, login and refresh answer with. */
export type AuthPayload = inferOutput<Api['auth']['refresh']>;
export type SessionUser = AuthPayload['user'];
export type AccountSession = inferOutput<Api['account']['sessions']>[number];
export type Task = inferOutput<Api['task']['byId']>;
export type TaskPage = inferOutput<Api['task']['list']>;
export type TaskStats = inferOutput<Api['task']['stats']>;
