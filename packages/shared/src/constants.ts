/**
 * Allowed values and limits shared by the database, the API and the web app. Free of zod, so the web
 * app's first screen can import it (as `@taskapp/shared/constants`) without loading the schemas.
 */

export const TASK_STATUSES = ['pending', 'in_progress', 'completed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['low', 'medium', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** `manual` is the order people dragged tasks into (within a project, the Inbox or a parent). */
export const TASK_SORTS = ['createdAt', 'updatedAt', 'dueDate', 'priority', 'title', 'manual'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

/** Shortcut lists: `today` = open, overdue or due today; `upcoming` = open, due in the next 7 days. */
export const TASK_VIEWS = ['today', 'upcoming'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

export const DEFAULT_TASK_STATUS: TaskStatus = 'pending';
export const DEFAULT_TASK_PRIORITY: TaskPriority = 'medium';

/** The day a week starts on, as JavaScript numbers days: Sunday 0, Monday 1, Saturday 6. */
export const WEEK_STARTS = [0, 1, 6] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

/** Settings of an account that never saved any (and the time zone when sign-up sent none). */
export const DEFAULT_SETTINGS = {
  timeZone: 'UTC',
  weekStart: 1 as WeekStart,
  emailReminders: true,
  pushReminders: true,
  dailyDigestAt: null as string | null,
};

/** Colours a project or label can have: a name from this palette (the web app maps it to its theme). */
export const COLORS = ['grey', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink'] as const;
export type Color = (typeof COLORS)[number];
export const DEFAULT_COLOR: Color = 'grey';

export const LIMITS = {
  titleMax: 255,
  descriptionMax: 10_000,
  nameMax: 255,
  /** RFC 5321: the longest address a mail server has to accept. */
  emailMax: 254,
  passwordMin: 8,
  passwordMax: 128,
  listDefault: 50,
  listMax: 100,
  bulkMax: 100,
  /** Calls in one tRPC batch request: the server refuses more, the web client never sends more. */
  batchMax: 20,
  /** Bytes of one request body. */
  bodyMaxBytes: 100 * 1024,
  /** Tasks one person can have (a database trigger holds every insert to it). */
  tasksPerUser: 100_000,
  /**
   * Calls of one person running at once on one API instance (a batch of twenty creates takes six
   * database connections, not all of them)…
   */
  callsPerUser: 6,
  /** …and waiting their turn: two full batches. Beyond, TOO_MANY_REQUESTS. */
  callsQueuedPerUser: 40,
  /** Searches, stats and exports of one person running at once on one API instance… */
  heavyReadsPerUser: 2,
  /**
   * …and waiting their turn behind those (a search typed quickly, the counts next to a list). Beyond
   * both, TOO_MANY_REQUESTS: a batch of twenty pathological searches holds two connections, not twenty.
   */
  heavyReadsQueuedPerUser: 6,
  /** After a data export of more than this many tasks, that person's next export waits… */
  exportPauseFromTasks: 1_000,
  /** …this many milliseconds (each export is serialized in one piece). */
  exportPauseMs: 10_000,
  /**
   * Signed-in devices (sessions) of one person. A sign-in beyond it signs out the least recently used
   * ones, so signing in always works and the session list stays short.
   */
  sessionsPerUser: 50,
  projectsPerUser: 200,
  labelsPerUser: 500,
  labelsPerTask: 20,
  /** A top-level task is level 1; its subtasks' subtasks' subtasks are level 4, the deepest. */
  taskLevelsMax: 4,
  remindersPerTask: 5,
  /** Changes in one `sync.changes` answer: the default and the most a caller may ask for. */
  syncChangesDefault: 200,
  syncChangesMax: 500,
  /** Days the change log keeps a change; a cursor older than that must resync. */
  syncRetentionDays: 30,
  /**
   * Open `sync.events` streams of one person on one API instance: a browser shares one among its tabs,
   * so this is many devices; beyond, TOO_MANY_REQUESTS.
   */
  syncStreamsPerUser: 20,
} as const;

/**
 * A cookie the API sets (readable by the page, no secret in it) whenever it sets the HttpOnly refresh
 * cookie, and clears with it: the web app only tries a refresh when it is there.
 */
export const SIGNED_IN_COOKIE = 'taskapp_signed_in';

/**
 * The projects this browser shows as a board (ids joined by '.'), written by the web app beside its own
 * storage so the server draws a project's first screen the way it was left (apps/api/src/http/prerendered-places.ts).
 */
export const BOARDS_COOKIE = 'taskapp_boards';

/** '1' when this browser keeps the sidebar hidden on a wide screen: the server draws the place that way too. */
export const SIDEBAR_COOKIE = 'taskapp_sidebar';

/**
 * Procedures that need no access token (the API's publicProcedure ones). The web client sends no token
 * to them and never answers their 401 with a refresh; an API test keeps this list equal to the router.
 */
export const PUBLIC_PROCEDURES = [
  'auth.register',
  'auth.login',
  'auth.completeMfa',
  'auth.passkeyOptions',
  'auth.passkeyLogin',
  'auth.refresh',
  'auth.logout',
  'auth.verifyEmail',
  'auth.requestPasswordReset',
  'auth.resetPassword',
  'health.check',
] as const;

/** What a live-sync change is about (DESIGN "Sync"); `settings` changes carry the user's id. */
export const SYNC_ENTITIES = ['task', 'project', 'label', 'settings'] as const;
export type SyncEntity = (typeof SYNC_ENTITIES)[number];
export const SYNC_OPS = ['upsert', 'delete'] as const;
export type SyncOp = (typeof SYNC_OPS)[number];

/**
 * The meta tag in a page's HTML naming chunks the page fetches, without running them, once its first screen
 * is up (the server writes it from the build's list; the web app's lib/idle-modules.ts reads it).
 */
/** The element holding the data a server-drawn first screen was drawn from (apps/api/src/http/prerendered-pages.ts). */
export const FIRST_SCREEN_DATA_ID = 'taskapp-first-screen';

export const IDLE_MODULES_META = 'taskapp-idle-modules';
