/** Shared look of every dropdown menu (Radix), so menus across the app match. */
export const MENU_CONTENT =
  'z-30 rounded-lg border border-line bg-surface p-1 text-base shadow-overlay motion-safe:animate-fade-in';

export const MENU_ITEM =
  'flex h-8 cursor-default select-none items-center gap-2 rounded-md px-2 text-fg outline-none ' +
  'data-[highlighted]:bg-subtle data-[disabled]:opacity-50';

export const MENU_SEPARATOR = 'my-1 h-px bg-line';
