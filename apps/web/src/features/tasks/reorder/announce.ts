const REGION_ID = 'task-move-status';

/** Says a move out loud (Alt+arrow keys and menu moves; drags have dnd-kit's own announcements). */
export function announce(text: string): void {
  let region = document.getElementById(REGION_ID);
  if (!region) {
    region = document.createElement('div');
    region.id = REGION_ID;
    region.setAttribute('role', 'status');
    region.className = 'sr-only';
    document.body.append(region);
  }
  // A repeat of the same words is still said: clear first, then write on the next frame.
  region.textContent = '';
  const target = region;
  requestAnimationFrame(() => {
    target.textContent = text;
  });
}
