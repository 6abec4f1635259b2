/**
 * True only in the server's render of a signed-in person's first screen (prerender/render-place.tsx, a
 * build of its own): what reads the browser during render (the window's size, media queries, storage)
 * asks this instead. Vite replaces `import.meta.env.SSR` at build, so the browser's build drops these paths.
 */
export const onServer = import.meta.env.SSR;

/** What the server knows of the device asking, set for each render. */
export const serverRender = {
  /** Told by the browser's client hints or user agent: a phone gets the phone layout. */
  phone: false,
  /** Projects this browser shows as a board (its boards cookie): the first screen is drawn as one. */
  boardProjects: [] as readonly string[],
  /** This browser keeps the sidebar hidden (its sidebar cookie). */
  sidebarCollapsed: false,
};

/** The window a first screen is laid out for: a common phone held upright, or a laptop's. */
export function serverViewport(): { width: number; height: number } {
  return serverRender.phone ? { width: 412, height: 823 } : { width: 1366, height: 900 };
}

const YEAR_S = 365 * 24 * 60 * 60;

/**
 * Tells the server something this browser keeps in its own storage that changes how a place is drawn
 * (boards, a hidden sidebar): a plain cookie, kept a year, is all it can read on a page request. An empty
 * value clears it.
 */
export function tellServer(cookie: string, value: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain cookie is all the server can read on a page request
  document.cookie = `${cookie}=${value}; Path=/; Max-Age=${value ? YEAR_S : 0}; SameSite=Lax`;
}
