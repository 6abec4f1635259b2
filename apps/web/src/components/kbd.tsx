import { isTouchOnly } from '../lib/platform';

/** A keyboard shortcut hint shown next to the control it triggers; none on touch screens. */
export function Kbd({ children }: { children: string }) {
  if (isTouchOnly) return null;
  return (
    <kbd className="ml-1 inline-flex h-4 min-w-4 items-center justify-center rounded-sm border border-current/25 px-1 font-sans text-[0.6875rem] leading-none opacity-70">
      {children}
    </kbd>
  );
}
