import type { toast as sonnerToast } from 'sonner';

type Toast = typeof sonnerToast;

const withToast = (show: (toast: Toast) => void) =>
  void import('sonner').then(({ toast }) => show(toast)).catch(() => undefined);

/**
 * sonner's `toast` for code in the app's first file (the root layout's banner and time-zone prompt): sonner
 * loads on the first toast, not with the file every page waits for before it can paint. Code in lazily
 * loaded screens imports `toast` from 'sonner' directly.
 */
export const lazyToast = {
  success: (...args: Parameters<Toast['success']>) => withToast((toast) => toast.success(...args)),
  error: (...args: Parameters<Toast['error']>) => withToast((toast) => toast.error(...args)),
};
