/** Apple keyboards say ⌘ where others say Ctrl; hints follow the keyboard in front of the person. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * A phone or tablet used by touch: no hover and a coarse pointer. Keyboard hints are left out there,
 * since nobody presses N on a touch screen.
 */
export const isTouchOnly =
  typeof matchMedia !== 'undefined' && matchMedia('(hover: none) and (pointer: coarse)').matches;

/** The browser knows it has no network. (Its "online" only means a network is there, not the server.) */
export const isBrowserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;
