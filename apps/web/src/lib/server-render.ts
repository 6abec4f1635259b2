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
