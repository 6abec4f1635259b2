// The web app imports only this type; nothing from the server reaches the browser bundle.
export type { AppRouter } from './trpc/router.js';
