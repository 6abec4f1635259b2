import { BOARDS_COOKIE } from '@taskapp/shared';
import type { SeededAccount } from './seed.js';

export interface BenchPage {
  key: string;
  title: string;
  path(account: SeededAccount): string;
  signedIn: boolean;
  /** localStorage entries the page needs before it loads (e.g. a project shown as a board). */
  localStorage?(account: SeededAccount): Record<string, string>;
  /** Cookies the app would have written beside those entries (read by the server as it draws the page). */
  cookies?(account: SeededAccount): Record<string, string>;
}

/** The four pages, signed-out first: the session is made once, after the sign-in page's runs. */
export const PAGES: BenchPage[] = [
  { key: 'sign-in', title: 'Sign-in page (signed out)', path: () => '/sign-in', signedIn: false },
  { key: 'inbox', title: 'Inbox, 200 tasks', path: () => '/inbox', signedIn: true },
  { key: 'today', title: 'Today', path: () => '/today', signedIn: true },
  {
    key: 'board',
    title: 'Project board (30 tasks)',
    path: (account) => `/projects/${account.boardProjectId}`,
    signedIn: true,
    // The app remembers List or Board per project in this key (features/board/use-project-layout.ts).
    localStorage: (account) => ({ [`taskapp:project-layout:${account.boardProjectId}`]: 'board' }),
    // And tells the server so in this cookie, whose first screen is then the board.
    cookies: (account) => ({ [BOARDS_COOKIE]: account.boardProjectId }),
  },
];
