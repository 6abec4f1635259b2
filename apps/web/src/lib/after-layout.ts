/**
 * Runs `callback` once, right after the browser next lays the page out (a ResizeObserver's first report
 * comes then), so layout reads and scroll writes in it find the layout clean. The same read in an
 * animation frame comes before that frame's layout and forces it inside script, where a profiler
 * (Lighthouse's) records the script's stack with every style invalidation. Returns a cancel function.
 */
export function afterLayout(callback: () => void): () => void {
  let pending = true;
  const observer = new ResizeObserver(() => {
    observer.disconnect();
    if (pending) callback();
    pending = false;
  });
  observer.observe(document.documentElement);
  return () => {
    pending = false;
    observer.disconnect();
  };
}
