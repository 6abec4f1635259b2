import type { toast as sonnerToast } from 'sonner';

type SonnerToast = typeof sonnerToast;

const withSonner = (show: (toast: SonnerToast) => void) =>
  void import('sonner').then(({ toast }) => show(toast)).catch(() => undefined);

/**
 * The app's toasts: sonner's `toast`, whose code loads with the first toast shown rather than with the
 * screen that shows it (a task screen on a phone downloads nothing for toasts before its first list).
 * Calls made while it loads show in order once it has. The `<Toaster>` is components/toaster.tsx.
 */
export const toast = Object.assign(
  (...args: Parameters<SonnerToast>) => withSonner((show) => show(...args)),
  {
    success: (...args: Parameters<SonnerToast['success']>) => withSonner((show) => show.success(...args)),
    warning: (...args: Parameters<SonnerToast['warning']>) => withSonner((show) => show.warning(...args)),
    error: (...args: Parameters<SonnerToast['error']>) => withSonner((show) => show.error(...args)),
  },
);
