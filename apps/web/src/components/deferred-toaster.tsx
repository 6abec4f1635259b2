import { useEffect } from 'react';
import { useFirstScreenShown } from '../lib/after-first-screen';
import { optionalComponent } from '../lib/optional-chunk';

/** Toasts raised before the toaster's code is here (or once it could not load) wait in sonner's store. */
const NoToaster = () => null;
const toaster = optionalComponent<object>(
  () => import('./toaster').then((module) => ({ default: module.Toaster })),
  NoToaster,
);
/** The longest a toast waits for the first screen to settle before the toaster loads anyway. */
const LATEST_MS = 3_000;

/**
 * The toasts' container (sonner, ~10 KB gzip) loads once the first screen is up instead of in the app's
 * first file, which every page waits for before it can paint. Nothing is lost meanwhile: sonner keeps the
 * toasts raised before its toaster mounted and shows them when it does.
 */
export function DeferredToaster() {
  const firstScreenShown = useFirstScreenShown();
  if (firstScreenShown) toaster.preload();
  useEffect(() => {
    const timer = setTimeout(toaster.preload, LATEST_MS);
    return () => clearTimeout(timer);
  }, []);
  const Toaster = toaster.useLoaded();
  return Toaster ? <Toaster /> : null;
}
